import type { Language } from './i18n-language.ts'

/**
 * The example workshop behind "Try the demo": a long-term car-rental company improving the
 * journey of its customers. Later steps add their own example content here.
 */
export type DemoContent = {
  title: string
  organisation: string
  focus: string
  stages: string[]
  segments: string[]
  units: string[]
  /** `unit` is a position in `units`. */
  participants: { name: string; unit: number }[]
  meeting1: DemoMeeting1
}

/** Positions (`stage`, `segments`, `pains`) point into the lists above. */
export type DemoMeeting1 = {
  touchpoints: { stage: number; name: string; momentOfTruth: boolean }[]
  pains: {
    stage: number
    text: string
    kind: 'pain' | 'enhancement'
    severity: number
    segments: number[]
    evidence: string
    inScope: boolean
  }[]
  nps: { stage: number; promoters: number; passives: number; detractors: number }[]
  interventions: { title: string; description: string; pains: number[] }[]
}

const NPS = [
  { stage: 0, promoters: 38, passives: 30, detractors: 22 },
  { stage: 4, promoters: 19, passives: 14, detractors: 11 },
  { stage: 5, promoters: 12, passives: 20, detractors: 41 },
]
const SHAPE = [
  { stage: 0, kind: 'pain', severity: 4, segments: [0], inScope: true },
  { stage: 4, kind: 'pain', severity: 3, segments: [], inScope: true },
  { stage: 4, kind: 'enhancement', severity: 3, segments: [], inScope: true },
  { stage: 5, kind: 'pain', severity: 5, segments: [2], inScope: true },
  { stage: 5, kind: 'pain', severity: 2, segments: [1], inScope: false },
] as const

const PARTICIPANTS = [
  { name: 'Giulia Ferri', unit: 0 },
  { name: 'Marco Bassi', unit: 1 },
  { name: 'Sara Conti', unit: 2 },
  { name: 'Luca Moretti', unit: 3 },
  { name: 'Elena Rinaldi', unit: 4 },
]

const DEMO: Record<Language, DemoContent> = {
  it: {
    title: 'Gruppo di miglioramento: consegna del veicolo',
    organisation: 'AutoLungo Noleggio S.p.A.',
    focus: 'Dalla firma del contratto alla consegna dell’auto al cliente',
    stages: [
      'Ricerca e preventivo',
      'Firma del contratto',
      'Attesa del veicolo',
      'Consegna',
      'Primo mese di utilizzo',
      'Assistenza e sinistri',
    ],
    segments: ['Privati', 'Liberi professionisti e piccole imprese', 'Flotte aziendali'],
    units: ['Vendite', 'Customer care', 'Logistica e consegne', 'Amministrazione', 'Marketing', 'IT'],
    participants: PARTICIPANTS,
    meeting1: {
      touchpoints: [
        { stage: 0, name: 'Configuratore online', momentOfTruth: false },
        { stage: 4, name: 'Chiamata di benvenuto', momentOfTruth: true },
        { stage: 5, name: 'Numero verde sinistri', momentOfTruth: true },
      ],
      pains: [
        ['Preventivi diversi a seconda del canale', '«Online mi davano un canone, in filiale un altro»'],
        ['Nessuno spiega come funziona la manutenzione inclusa', '12% delle chiamate del primo mese'],
        ['App con promemoria per tagliandi e pneumatici', 'Richiesta in 40 commenti del sondaggio annuale'],
        ['Tempi lunghi per l’auto sostitutiva', 'Media 4,5 giorni; obiettivo contrattuale 2'],
        ['Carrozzerie convenzionate lontane da casa', '«La più vicina è a 30 km»'],
      ].map(([text, evidence], i) => ({
        ...SHAPE[i]!,
        segments: [...SHAPE[i]!.segments],
        text: text!,
        evidence: evidence!,
      })),
      nps: NPS,
      interventions: [
        {
          title: 'Listino unico per tutti i canali',
          description: 'Stesso canone online, in filiale e dai broker.',
          pains: [0],
        },
        {
          title: 'Percorso di benvenuto nel primo mese',
          description: 'Chiamata, guida ai servizi inclusi, promemoria in app.',
          pains: [1, 2],
        },
        {
          title: 'Auto sostitutiva garantita in 24 ore',
          description: 'Accordi con la rete e scorta di vetture dedicate.',
          pains: [3],
        },
      ],
    },
  },
  en: {
    title: 'Improvement group: vehicle delivery',
    organisation: 'LongDrive Leasing Ltd',
    focus: 'From signing the contract to handing the car over to the customer',
    stages: [
      'Search and quote',
      'Contract signing',
      'Waiting for the vehicle',
      'Delivery',
      'First month of use',
      'Service and claims',
    ],
    segments: ['Private customers', 'Self-employed and small businesses', 'Corporate fleets'],
    units: ['Sales', 'Customer care', 'Logistics and delivery', 'Billing', 'Marketing', 'IT'],
    participants: PARTICIPANTS,
    meeting1: {
      touchpoints: [
        { stage: 0, name: 'Online configurator', momentOfTruth: false },
        { stage: 4, name: 'Welcome call', momentOfTruth: true },
        { stage: 5, name: 'Claims hotline', momentOfTruth: true },
      ],
      pains: [
        ['Quotes differ from one channel to another', '"Online they quoted one rate, at the branch another"'],
        ['Nobody explains how the included maintenance works', '12% of first-month calls'],
        ['App reminders for services and tyres', 'Asked for in 40 comments of the yearly survey'],
        ['Long wait for a replacement car', 'Average 4.5 days; the contract promises 2'],
        ['Partner body shops far from home', '"The nearest one is 30 km away"'],
      ].map(([text, evidence], i) => ({
        ...SHAPE[i]!,
        segments: [...SHAPE[i]!.segments],
        text: text!,
        evidence: evidence!,
      })),
      nps: NPS,
      interventions: [
        {
          title: 'One price list for every channel',
          description: 'The same rate online, at branches and at brokers.',
          pains: [0],
        },
        {
          title: 'First-month welcome path',
          description: 'A call, a guide to the included services, reminders in the app.',
          pains: [1, 2],
        },
        {
          title: 'Replacement car guaranteed within 24 hours',
          description: 'Agreements with the network and a dedicated pool of cars.',
          pains: [3],
        },
      ],
    },
  },
}

export function demoContent(language: Language): DemoContent {
  return DEMO[language]
}
