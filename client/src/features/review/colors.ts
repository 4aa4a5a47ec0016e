/** A stable colour per person (from their id), for avatars beside comments. */
import { USER_COLORS } from '../../user/user.ts';

export function colorFor(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
  return USER_COLORS[h % USER_COLORS.length] ?? USER_COLORS[0];
}
