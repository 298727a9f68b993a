// The words of the admin pages (part of the English strings; see ../en.ts).
export const adminStrings = {
  title: 'Admin',
};
