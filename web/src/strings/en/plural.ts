// "1 case", "2 cases", "1,024 days": a count in English with the right form of the noun.
export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
