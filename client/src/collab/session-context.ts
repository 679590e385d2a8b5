import { createContext } from 'react'
import type { WorkshopSession } from './session.ts'

export const SessionContext = createContext<WorkshopSession | null>(null)
