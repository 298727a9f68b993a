// The provisions the rules cite, each with a summary in our own plain words. These are summaries
// for monitors, not the instruments' text; a filing quotes the instrument itself.
import type { Provision } from './types.ts';

/** The instruments behind the short citations. */
export const INSTRUMENTS = {
  'Mandela Rules': 'United Nations Standard Minimum Rules for the Treatment of Prisoners (the Nelson Mandela Rules), 2015',
  'Basic Principles': 'Basic Principles for the Treatment of Prisoners, UN General Assembly, 1990',
  'Body of Principles':
    'Body of Principles for the Protection of All Persons under Any Form of Detention or Imprisonment, UN General Assembly, 1988',
  ICCPR: 'International Covenant on Civil and Political Rights, 1966',
  'HRC General Comment 35': 'UN Human Rights Committee, General Comment No. 35 on liberty and security of person (article 9), 2014',
} as const;

const p = (citation: string, summary: string): Provision => ({ citation, summary });

export const PROVISIONS = {
  mandela24: p(
    'Mandela Rules 24',
    'Looking after the health of prisoners is the State’s duty. They are owed care as good as people outside prison get, free of charge and whatever their legal status.',
  ),
  mandela24_1: p(
    'Mandela Rules 24(1)',
    'The State answers for prisoners’ health care, which must match what the community outside receives and cost the prisoner nothing.',
  ),
  mandela27_1: p(
    'Mandela Rules 27(1)',
    'A prisoner in urgent need must be seen by medical staff quickly. One who needs specialist treatment or an operation must be moved to a specialised institution or an outside hospital.',
  ),
  mandela27_2: p(
    'Mandela Rules 27(2)',
    'Decisions about treatment belong to the health professionals responsible for the prisoner; prison staff without a medical role may neither overrule nor disregard them.',
  ),
  mandela30: p(
    'Mandela Rules 30',
    'A doctor or other qualified health worker should see every prisoner soon after arrival and afterwards whenever needed, looking among other things for signs of ill-treatment and for urgent health needs.',
  ),
  mandela31: p(
    'Mandela Rules 31',
    'Medical staff must be able to see, every day, any prisoner who is ill, who reports a physical or mental health problem or an injury, or whom someone points out to them.',
  ),
  mandela33: p(
    'Mandela Rules 33',
    'The doctor must tell the prison director whenever a prisoner’s health has suffered or will suffer from continued detention or from the conditions of it.',
  ),
  mandela34: p(
    'Mandela Rules 34',
    'Health staff who notice signs of torture or ill-treatment, on arrival or later, must record them and report them to the competent authority, without putting the prisoner at risk.',
  ),
  mandela43_1b: p(
    'Mandela Rules 43(1)(b)',
    'Solitary confinement for a prolonged time is forbidden, whatever the disciplinary reason.',
  ),
  mandela44: p(
    'Mandela Rules 44',
    'Solitary confinement means being held alone for 22 hours a day or more without real contact with others; it is prolonged once it passes 15 days in a row.',
  ),
  mandela45: p(
    'Mandela Rules 45',
    'Isolation may only be a last resort in exceptional cases, as short as possible, authorised and open to independent review.',
  ),
  mandela68: p(
    'Mandela Rules 68',
    'Prisoners may tell, or have the prison tell, their family or another chosen person that they are imprisoned, that they have been moved, or that they are seriously ill or hurt.',
  ),
  mandela69: p(
    'Mandela Rules 69',
    'The prison must itself inform the person a prisoner has named when the prisoner is seriously ill or injured or moved to a health institution, and the next of kin at once if the prisoner dies.',
  ),
  mandela71: p(
    'Mandela Rules 71(1)–(2)',
    'Any death, disappearance or serious injury in custody, and any sign that a prisoner was tortured or ill-treated, must go to an independent authority that looks into it quickly and impartially.',
  ),
  mandela118: p(
    'Mandela Rules 118',
    'A prisoner not yet tried may be visited and treated by a doctor or dentist of their own choosing, at their own cost, when there are reasonable grounds.',
  ),
  basic9: p(
    'Basic Principles 9',
    'Prisoners are entitled to the health services of their country, with no less access because they are detained.',
  ),
  body15: p(
    'Body of Principles 15',
    'Cutting a detainee off from family and lawyer is allowed, if at all, for no more than a few days.',
  ),
  body18: p(
    'Body of Principles 18',
    'Detainees may speak with their lawyer and take advice in confidence, with the time and means to do so and without delay.',
  ),
  body24: p(
    'Body of Principles 24',
    'Every detainee is to be offered a proper medical examination as soon as possible after arrival, and medical care whenever needed, free of charge.',
  ),
  body25: p(
    'Body of Principles 25',
    'A detainee or their lawyer may ask a court or other authority for a second medical examination or opinion, subject only to reasonable conditions of security and order.',
  ),
  iccpr9_3: p(
    'ICCPR 9(3)',
    'A person arrested or detained on a criminal charge must be brought quickly before a judge, and is entitled to trial within a reasonable time or to release.',
  ),
  gc35_33: p(
    'HRC General Comment 35 §33',
    'The Human Rights Committee counts the delay before a judge in days: it should normally take no more than 48 hours, and any longer delay needs an exceptional reason.',
  ),
  iccpr14_3d: p(
    'ICCPR 14(3)(d)',
    'A person facing a criminal charge has the right to be present at their trial and to defend themselves, in person or through a lawyer they choose.',
  ),
  npmPractice: p(
    'Practice of national preventive mechanisms (OPCAT)',
    'Bodies that prevent torture visit places of detention regularly and without warning. Our default expects a detainee to be seen by a monitor at least every 90 days; that figure is ours, not a treaty’s.',
  ),
} as const satisfies Record<string, Provision>;
