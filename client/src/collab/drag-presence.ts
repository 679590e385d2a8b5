import type { MatrixPoint } from '../../../shared/domain/materiality.ts'
import { throttledField, useAwarenessView } from './awareness-view.ts'
import type { WorkshopSession } from './session.ts'

/**
 * A card someone is dragging on a matrix right now, shared through awareness (not the
 * document): the others see it move live, and only the drop becomes an edit.
 */
export type LiveDrag = MatrixPoint & { target: string }
export type RemoteDrag = LiveDrag & { name: string; colour: string; clientId: number }

/** Awareness changes at most this often per dragging person: smooth to see, light on the wire. */
const PUBLISH_EVERY_MS = 50

const publishers = new WeakMap<WorkshopSession, (drag: LiveDrag | null) => void>()

/** The end of a drag (null) is sent at once; moves in between are throttled, the last one kept. */
export function publishDrag(session: WorkshopSession, drag: LiveDrag | null): void {
  let publish = publishers.get(session)
  if (!publish) {
    publish = throttledField(session, 'drag', PUBLISH_EVERY_MS)
    publishers.set(session, publish)
  }
  publish(drag)
}

function readDrags(session: WorkshopSession): RemoteDrag[] {
  const me = session.contentProvider.awareness.clientID
  const drags: RemoteDrag[] = []
  for (const [clientId, state] of session.contentProvider.awareness.getStates()) {
    const drag = state.drag as LiveDrag | null | undefined
    if (clientId === me || !drag || typeof drag.target !== 'string') continue
    if (typeof drag.x !== 'number' || typeof drag.y !== 'number') continue
    drags.push({
      ...drag,
      clientId,
      name: String(state.name ?? ''),
      colour: String(state.colour ?? '#475569'),
    })
  }
  return drags
}

/** What the others are dragging right now, on any matrix. */
export function useRemoteDrags(session: WorkshopSession): RemoteDrag[] {
  return useAwarenessView(session, readDrags)
}
