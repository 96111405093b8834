// Slugs are shared with the calendar, packs and new-group.
export { slugify as nameSlug, uniqueSlugs } from '../slug.js';
