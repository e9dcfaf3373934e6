/** The impure spots of every TypeScript file under the given folders, as 'file:line:col  why'. */
export function findImpurities(roots: string[]): string[];
