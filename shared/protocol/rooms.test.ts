import { describe, expect, it } from 'vitest';
import { parseRoomName, roomName } from './rooms.ts';

describe('room names', () => {
  const id = '3cead880-8488-45f7-8d47-17929a828d21';
  it('round-trip for both documents of a report', () => {
    expect(parseRoomName(roomName(id))).toEqual({ reportId: id, kind: 'content' });
    expect(parseRoomName(roomName(id, 'discussion'))).toEqual({ reportId: id, kind: 'discussion' });
  });
  it('reject anything that is not a report room', () => {
    for (const bad of ['', 'abc', `${id}/other`, `${id}/discussion/x`, id.toUpperCase(), `../${id}`]) {
      expect(parseRoomName(bad)).toBeNull();
    }
  });
});
