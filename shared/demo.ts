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
}

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
  },
}

export function demoContent(language: Language): DemoContent {
  return DEMO[language]
}
