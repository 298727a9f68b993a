// The words of the import pages (part of the English strings; see ../en.ts).
export const importStrings = {
  title: 'Import',
};
