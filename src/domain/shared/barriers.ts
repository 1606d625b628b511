/**
 * The seven barrier categories, Reach's one vocabulary for them: screening scores them, the
 * directory tags services with them, matching and equity reports group by them. The first four
 * are the usual digital inclusion barriers (access, skills, motivation, trust); accessibility,
 * language and support (someone who helps) complete the profile.
 */
export const BARRIERS = ['access', 'skills', 'motivation', 'trust', 'accessibility', 'language', 'support'] as const
export type Barrier = (typeof BARRIERS)[number]
