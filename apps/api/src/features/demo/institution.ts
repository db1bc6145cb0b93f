/** The demo institution: 1 institution, 3 faculties, 8 institutes, 30 labs. */
export interface DemoUnit {
  code: string;
  nameEn: string;
  nameFr: string;
  level: number;
  parent?: string;
  type: 'organisation' | 'lab' | 'platform' | 'service';
}

const INSTITUTES = [
  ['ENG', 'IME', 'Mechanical Engineering', 'Génie mécanique'],
  ['ENG', 'IEL', 'Electrical Engineering', 'Génie électrique'],
  ['ENG', 'IIC', 'Computer Science', 'Informatique'],
  ['SCI', 'ICH', 'Chemistry', 'Chimie'],
  ['SCI', 'IPH', 'Physics', 'Physique'],
  ['SCI', 'IMA', 'Mathematics', 'Mathématiques'],
  ['LIFE', 'IBI', 'Bioengineering', 'Bio-ingénierie'],
  ['LIFE', 'INE', 'Neuroscience', 'Neurosciences'],
] as const;

const TOPICS = [
  ['Fluid Dynamics', 'Dynamique des fluides'],
  ['Robotics', 'Robotique'],
  ['Power Electronics', 'Électronique de puissance'],
  ['Signal Processing', 'Traitement du signal'],
  ['Distributed Systems', 'Systèmes distribués'],
  ['Machine Learning', 'Apprentissage automatique'],
  ['Catalysis', 'Catalyse'],
  ['Organic Synthesis', 'Synthèse organique'],
  ['Quantum Optics', 'Optique quantique'],
  ['Condensed Matter', 'Matière condensée'],
  ['Number Theory', 'Théorie des nombres'],
  ['Statistics', 'Statistique'],
  ['Tissue Engineering', 'Ingénierie tissulaire'],
  ['Synthetic Biology', 'Biologie synthétique'],
  ['Systems Neuroscience', 'Neurosciences des systèmes'],
] as const;

export function demoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    {
      code: 'DIT',
      nameEn: 'Demo Institute of Technology',
      nameFr: 'Institut de technologie de démonstration',
      level: 1,
      type: 'organisation',
    },
    {
      code: 'ENG',
      nameEn: 'School of Engineering',
      nameFr: 'Faculté de l’ingénieur',
      level: 2,
      parent: 'DIT',
      type: 'organisation',
    },
    {
      code: 'SCI',
      nameEn: 'School of Basic Sciences',
      nameFr: 'Faculté des sciences de base',
      level: 2,
      parent: 'DIT',
      type: 'organisation',
    },
    {
      code: 'LIFE',
      nameEn: 'School of Life Sciences',
      nameFr: 'Faculté des sciences de la vie',
      level: 2,
      parent: 'DIT',
      type: 'organisation',
    },
  ];
  for (const [faculty, code, nameEn, nameFr] of INSTITUTES) {
    units.push({
      code: `${faculty}-${code}`,
      nameEn: `Institute of ${nameEn}`,
      nameFr: `Institut de ${nameFr.toLowerCase()}`,
      level: 3,
      parent: faculty,
      type: 'organisation',
    });
  }
  for (let i = 0; i < 30; i += 1) {
    const [faculty, institute] = INSTITUTES[i % INSTITUTES.length]!;
    const [topicEn, topicFr] = TOPICS[i % TOPICS.length]!;
    const platform = i % 10 === 9;
    units.push({
      code: `L${String(i + 1).padStart(2, '0')}`,
      nameEn: platform
        ? `${topicEn} Platform`
        : `Laboratory of ${topicEn} ${Math.floor(i / TOPICS.length) + 1}`,
      nameFr: platform
        ? `Plateforme ${topicFr}`
        : `Laboratoire ${topicFr} ${Math.floor(i / TOPICS.length) + 1}`,
      level: 4,
      parent: `${faculty}-${institute}`,
      type: platform ? 'platform' : 'lab',
    });
  }
  return units;
}
