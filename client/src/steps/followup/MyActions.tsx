import { ActionsFollowUp } from './ActionsFollowUp.tsx'
import { useFollowUpBoard } from './board.ts'

/** The "my actions" link for phones: the follow-up of the person's own actions, nothing else. */
export function MyActions() {
  const board = useFollowUpBoard()
  return <ActionsFollowUp board={board} phone />
}
