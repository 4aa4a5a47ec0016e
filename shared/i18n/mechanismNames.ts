/**
 * The mechanisms' names as the United Nations writes them in each of its six languages (docs/GLOSSARY.md), for
 * the interface and for the cover of an export in the report's language. English keeps the treaty's acronym.
 */
import { MECHANISM_NAMES, type Mechanism } from '../api/mechanisms.ts';
import type { UiLanguage } from './languages.ts';

const NAMES: Record<Exclude<UiLanguage, 'en'>, Record<Mechanism, string>> = {
  ar: {
    CERD: 'لجنة القضاء على التمييز العنصري',
    CEDAW: 'اللجنة المعنية بالقضاء على التمييز ضد المرأة',
    UPR: 'الاستعراض الدوري الشامل',
    CCPR: 'اللجنة المعنية بحقوق الإنسان',
    CESCR: 'اللجنة المعنية بالحقوق الاقتصادية والاجتماعية والثقافية',
    CAT: 'لجنة مناهضة التعذيب',
    CRC: 'لجنة حقوق الطفل',
    CRPD: 'اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة',
    CMW: 'اللجنة المعنية بالعمال المهاجرين',
    CED: 'اللجنة المعنية بحالات الاختفاء القسري',
  },
  zh: {
    CERD: '消除种族歧视委员会',
    CEDAW: '消除对妇女歧视委员会',
    UPR: '普遍定期审议',
    CCPR: '人权事务委员会',
    CESCR: '经济、社会及文化权利委员会',
    CAT: '禁止酷刑委员会',
    CRC: '儿童权利委员会',
    CRPD: '残疾人权利委员会',
    CMW: '保护所有移徙工人及其家庭成员权利委员会',
    CED: '强迫失踪问题委员会',
  },
  fr: {
    CERD: 'Comité pour l’élimination de la discrimination raciale',
    CEDAW: 'Comité pour l’élimination de la discrimination à l’égard des femmes',
    UPR: 'Examen périodique universel (EPU)',
    CCPR: 'Comité des droits de l’homme',
    CESCR: 'Comité des droits économiques, sociaux et culturels',
    CAT: 'Comité contre la torture',
    CRC: 'Comité des droits de l’enfant',
    CRPD: 'Comité des droits des personnes handicapées',
    CMW: 'Comité des travailleurs migrants',
    CED: 'Comité des disparitions forcées',
  },
  ru: {
    CERD: 'Комитет по ликвидации расовой дискриминации',
    CEDAW: 'Комитет по ликвидации дискриминации в отношении женщин',
    UPR: 'Универсальный периодический обзор (УПО)',
    CCPR: 'Комитет по правам человека',
    CESCR: 'Комитет по экономическим, социальным и культурным правам',
    CAT: 'Комитет против пыток',
    CRC: 'Комитет по правам ребенка',
    CRPD: 'Комитет по правам инвалидов',
    CMW: 'Комитет по трудящимся-мигрантам',
    CED: 'Комитет по насильственным исчезновениям',
  },
  es: {
    CERD: 'Comité para la Eliminación de la Discriminación Racial',
    CEDAW: 'Comité para la Eliminación de la Discriminación contra la Mujer',
    UPR: 'Examen Periódico Universal (EPU)',
    CCPR: 'Comité de Derechos Humanos',
    CESCR: 'Comité de Derechos Económicos, Sociales y Culturales',
    CAT: 'Comité contra la Tortura',
    CRC: 'Comité de los Derechos del Niño',
    CRPD: 'Comité sobre los Derechos de las Personas con Discapacidad',
    CMW: 'Comité de Trabajadores Migratorios',
    CED: 'Comité contra la Desaparición Forzada',
  },
};

/** The mechanism's name in `language` (a BCP 47 tag; its base language decides), English when not one of the six. */
export function mechanismName(mechanism: Mechanism, language: string): string {
  const base = language.toLowerCase().split('-')[0] as Exclude<UiLanguage, 'en'>;
  return NAMES[base]?.[mechanism] ?? MECHANISM_NAMES[mechanism];
}
