import type { Language } from './i18n-language.ts'

/**
 * The starting content of a CX vision workshop, in our own words: the six distinctiveness
 * factors of the method with a one-line meaning each, and a customer-centric culture
 * self-assessment of statements in ten areas (inspired by the areas of seed 004).
 */
export type VisionContent = {
  factors: { name: string; meaning: string }[]
  culture: { area: string; statements: string[] }[]
}

const it: VisionContent = {
  factors: [
    { name: 'Certezza', meaning: 'Il cliente sa che cosa succederà e quando: niente sorprese sgradite.' },
    { name: 'Libertà', meaning: 'Il cliente sceglie come, quando e dove, senza vincoli inutili.' },
    { name: 'Innovazione', meaning: 'Il cliente trova soluzioni nuove prima che altrove.' },
    { name: 'Status', meaning: 'Il cliente si sente riconosciuto e trattato come una persona importante.' },
    {
      name: 'Controllo',
      meaning: 'Il cliente sente di avere la situazione in mano, anche quando qualcosa va storto.',
    },
    {
      name: 'Appartenenza',
      meaning: 'Il cliente si sente parte di una comunità che condivide i suoi valori.',
    },
  ],
  culture: [
    {
      area: 'Promessa',
      statements: [
        'Sappiamo dire in una frase che cosa promettiamo ai clienti.',
        'Quando una regola interna contraddice la promessa, vince la promessa.',
        'I clienti riconoscono la nostra promessa come diversa da quella dei concorrenti.',
      ],
    },
    {
      area: 'Vertice',
      statements: [
        'La direzione ascolta di persona i clienti, anche quelli scontenti.',
        'Le decisioni importanti partono dai risultati per i clienti.',
        'Chi guida l’azienda parla spesso di esperienza cliente, con esempi concreti.',
      ],
    },
    {
      area: 'Management',
      statements: [
        'I responsabili premiano chi risolve un problema del cliente.',
        'I manager tolgono gli ostacoli che impediscono di servire bene.',
        'Nelle riunioni di gestione i dati sui clienti hanno un posto fisso.',
      ],
    },
    {
      area: 'Obiettivi',
      statements: [
        'Ogni unità ha almeno un obiettivo legato all’esperienza cliente.',
        'Gli incentivi non spingono a comportamenti contro il cliente.',
        'Gli obiettivi di esperienza sono chiari quanto quelli economici.',
      ],
    },
    {
      area: 'Mentalità',
      statements: [
        'Le persone si sentono autorizzate a fare la cosa giusta per il cliente.',
        'Parliamo dei clienti con rispetto, anche quando non ci sentono.',
        'Chi sbaglia per aiutare un cliente non viene punito.',
      ],
    },
    {
      area: 'Trasformazione',
      statements: [
        'I progetti di cambiamento partono dai bisogni dei clienti.',
        'Sappiamo fermare un progetto che peggiora l’esperienza.',
        'Le unità collaborano sui percorsi cliente invece che per silos.',
      ],
    },
    {
      area: 'Progettazione CX',
      statements: [
        'Progettiamo i servizi insieme ai clienti.',
        'Conosciamo i momenti della verità del nostro percorso cliente.',
        'Proviamo le novità con clienti veri prima di lanciarle.',
      ],
    },
    {
      area: 'Abilitatori',
      statements: [
        'I sistemi danno a chi è a contatto col cliente le informazioni che servono.',
        'Le procedure sono semplici per chi le usa e per chi le subisce.',
        'La formazione prepara a gestire clienti e situazioni difficili.',
      ],
    },
    {
      area: 'Misurazione',
      statements: [
        'Misuriamo l’esperienza lungo il percorso, non solo a fine anno.',
        'I risultati delle misure arrivano a chi può cambiare le cose.',
        'Usiamo i numeri per migliorare, non solo per dare voti.',
      ],
    },
    {
      area: 'Miglioramento',
      statements: [
        'Ogni reclamo diventa un’occasione per correggere la causa.',
        'Abbiamo gruppi che migliorano i processi con regolarità.',
        'Le idee dei collaboratori per i clienti vengono provate davvero.',
      ],
    },
  ],
}

const en: VisionContent = {
  factors: [
    { name: 'Certainty', meaning: 'Customers know what will happen and when: no unpleasant surprises.' },
    { name: 'Freedom', meaning: 'Customers choose how, when and where, without needless constraints.' },
    { name: 'Innovation', meaning: 'Customers find new solutions here before anywhere else.' },
    { name: 'Status', meaning: 'Customers feel recognised and treated as someone who matters.' },
    { name: 'Control', meaning: 'Customers feel in charge, even when something goes wrong.' },
    { name: 'Belonging', meaning: 'Customers feel part of a community that shares their values.' },
  ],
  culture: [
    {
      area: 'Promise',
      statements: [
        'We can say in one sentence what we promise our customers.',
        'When an internal rule contradicts the promise, the promise wins.',
        'Customers see our promise as different from our competitors’.',
      ],
    },
    {
      area: 'Leadership',
      statements: [
        'Top management listens to customers in person, unhappy ones too.',
        'Major decisions start from the results for customers.',
        'Our leaders often talk about customer experience, with real examples.',
      ],
    },
    {
      area: 'Management',
      statements: [
        'Managers reward people who solve a customer’s problem.',
        'Managers remove the obstacles that keep us from serving well.',
        'Customer data has a fixed place in management meetings.',
      ],
    },
    {
      area: 'Objectives',
      statements: [
        'Every unit has at least one objective tied to customer experience.',
        'Incentives do not push people to act against customers.',
        'Experience objectives are as clear as financial ones.',
      ],
    },
    {
      area: 'Mindset',
      statements: [
        'People feel allowed to do the right thing for the customer.',
        'We speak of customers with respect, even when they cannot hear us.',
        'Someone who errs while helping a customer is not punished.',
      ],
    },
    {
      area: 'Transformation',
      statements: [
        'Change projects start from customers’ needs.',
        'We can stop a project that makes the experience worse.',
        'Units work together along customer journeys rather than in silos.',
      ],
    },
    {
      area: 'CX design',
      statements: [
        'We design services together with customers.',
        'We know the moments of truth of our customer journey.',
        'We try new things with real customers before launching them.',
      ],
    },
    {
      area: 'Enablers',
      statements: [
        'Systems give front-line people the information they need.',
        'Procedures are simple for those who use them and those who undergo them.',
        'Training prepares people for difficult customers and situations.',
      ],
    },
    {
      area: 'Measurement',
      statements: [
        'We measure the experience along the journey, not only once a year.',
        'Measurement results reach those who can change things.',
        'We use figures to improve, not only to grade.',
      ],
    },
    {
      area: 'Improvement',
      statements: [
        'Every complaint is a chance to fix its cause.',
        'We have groups that improve processes regularly.',
        'Staff ideas for customers really get tried.',
      ],
    },
  ],
}

export const visionContent = (language: Language): VisionContent => (language === 'en' ? en : it)
