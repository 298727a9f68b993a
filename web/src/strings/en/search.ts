// The words of the search pages (part of the English strings; see ../en.ts).
export const searchStrings = {
  title: 'Search',
};
