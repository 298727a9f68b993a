// The Atom feed of public updates: each fact recorded about a public case, newest first, linking
// to the case's public page. Pure: data in, XML out (the `feed` library writes and escapes it).
import { Feed } from 'feed';
import type { PublicUpdate } from '../store/public.ts';
import { publicSlug } from '../domain/slug.ts';
import { dateText } from './public-page.tsx';

const humanize = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' ');

export function renderPublicFeed(updates: PublicUpdate[], baseUrl: string, now = new Date()): string {
  const feed = new Feed({
    title: 'Habeas — public case updates',
    description: 'Facts newly recorded in the public case files of people held in detention.',
    id: `${baseUrl}/public/cases`,
    link: `${baseUrl}/public/cases`,
    feedLinks: { atom: `${baseUrl}/public/feed.atom` },
    updated: updates[0] ? new Date(updates[0].recordedAt) : now,
    copyright: '',
  });
  for (const u of updates) {
    const link = `${baseUrl}/public/cases/${publicSlug(u.caseId, u.name)}`;
    feed.addItem({
      title: `${u.name}: ${humanize(u.type)}, ${dateText(u.date)}`,
      id: `${link}#${u.eventId}`,
      link,
      date: new Date(u.recordedAt),
      description: u.description ?? undefined,
    });
  }
  return feed.atom1();
}
