/**
 * The words Rightsdraft itself writes into a report, in the report's language: the cover's labels, the annexes'
 * titles and table headers, "Annex 1:", and the titles of the sections a template starts with. English, French
 * and Spanish (the languages the treaty bodies and the UPR take submissions in) have all of them; Arabic, Chinese
 * and Russian have the cover and annexes; anything missing is written in English.
 */

export interface DocumentWords {
  mechanism: string;
  session: string;
  stateUnderReview: string;
  submissionType: string;
  organisation: string;
  organisations: string;
  contact: string;
  publication: string;
  public: string;
  confidential: string;
  /** "Word count: {count}", "of a limit of {limit}", "({parts} not counted)" with parts "notes", "annexes". */
  wordCount: string;
  ofLimit: string;
  notCounted: string;
  notes: string;
  annexes: string;
  and: string;
  /** "Annex {n}: " before an annex section's title. */
  annexPrefix: string;
  annexTags: string;
  annexPrior: string;
  notesHeading: string;
  section: string;
  recommendation: string;
  source: string;
  assessment: string;
  comment: string;
  columnArticles: string;
  columnGeneralComments: string;
  columnSdg: string;
  columnUprThemes: string;
  columnRecommendations: string;
  columnOther: string;
  /** "Article {n}" in a template's section titles. */
  article: string;
}

const EN: DocumentWords = {
  mechanism: 'Mechanism',
  session: 'Session',
  stateUnderReview: 'State under review',
  submissionType: 'Submission type',
  organisation: 'Submitting organisation',
  organisations: 'Submitting organisations',
  contact: 'Contact',
  publication: 'Publication',
  public: 'Public: this submission may be published.',
  confidential: 'Confidential: this submission must not be published.',
  wordCount: 'Word count: {count}',
  ofLimit: ' of a limit of {limit}',
  notCounted: ' ({parts} not counted)',
  notes: 'notes',
  annexes: 'annexes',
  and: ' and ',
  annexPrefix: 'Annex {n}: ',
  annexTags: 'Annex: treaty articles, general recommendations, SDG targets and UPR themes addressed by each section',
  annexPrior: 'Annex: implementation of earlier recommendations',
  notesHeading: 'Notes',
  section: 'Section',
  recommendation: 'Recommendation',
  source: 'Source',
  assessment: 'Assessment',
  comment: 'Comment',
  columnArticles: 'Treaty articles',
  columnGeneralComments: 'General recommendations and comments',
  columnSdg: 'SDG goals and targets',
  columnUprThemes: 'UPR themes and groups',
  columnRecommendations: 'Earlier recommendations',
  columnOther: 'Other tags',
  article: 'Article {n}',
};

const WORDS: Record<string, DocumentWords> = {
  en: EN,
  fr: {
    mechanism: 'Mécanisme',
    session: 'Session',
    stateUnderReview: 'État examiné',
    submissionType: 'Type de contribution',
    organisation: 'Organisation auteure',
    organisations: 'Organisations auteures',
    contact: 'Contact',
    publication: 'Publication',
    public: 'Publique : cette contribution peut être publiée.',
    confidential: 'Confidentielle : cette contribution ne doit pas être publiée.',
    wordCount: 'Nombre de mots : {count}',
    ofLimit: ' sur une limite de {limit}',
    notCounted: ' ({parts} non comptées)',
    notes: 'notes',
    annexes: 'annexes',
    and: ' et ',
    annexPrefix: 'Annexe {n} : ',
    annexTags: 'Annexe : articles du traité, recommandations générales, cibles des ODD et thèmes de l’EPU traités par chaque section',
    annexPrior: 'Annexe : mise en œuvre des recommandations antérieures',
    notesHeading: 'Notes',
    section: 'Section',
    recommendation: 'Recommandation',
    source: 'Source',
    assessment: 'Évaluation',
    comment: 'Commentaire',
    columnArticles: 'Articles du traité',
    columnGeneralComments: 'Recommandations et observations générales',
    columnSdg: 'Objectifs et cibles de développement durable',
    columnUprThemes: 'Thèmes et groupes de l’EPU',
    columnRecommendations: 'Recommandations antérieures',
    columnOther: 'Autres étiquettes',
    article: 'Article {n}',
  },
  es: {
    mechanism: 'Mecanismo',
    session: 'Período de sesiones',
    stateUnderReview: 'Estado examinado',
    submissionType: 'Tipo de contribución',
    organisation: 'Organización que presenta',
    organisations: 'Organizaciones que presentan',
    contact: 'Contacto',
    publication: 'Publicación',
    public: 'Pública: esta contribución puede publicarse.',
    confidential: 'Confidencial: esta contribución no debe publicarse.',
    wordCount: 'Número de palabras: {count}',
    ofLimit: ' de un límite de {limit}',
    notCounted: ' ({parts} no contabilizadas)',
    notes: 'notas',
    annexes: 'anexos',
    and: ' y ',
    annexPrefix: 'Anexo {n}: ',
    annexTags: 'Anexo: artículos del tratado, recomendaciones generales, metas de los ODS y temas del EPU que aborda cada sección',
    annexPrior: 'Anexo: aplicación de las recomendaciones anteriores',
    notesHeading: 'Notas',
    section: 'Sección',
    recommendation: 'Recomendación',
    source: 'Fuente',
    assessment: 'Evaluación',
    comment: 'Comentario',
    columnArticles: 'Artículos del tratado',
    columnGeneralComments: 'Recomendaciones y observaciones generales',
    columnSdg: 'Objetivos y metas de desarrollo sostenible',
    columnUprThemes: 'Temas y grupos del EPU',
    columnRecommendations: 'Recomendaciones anteriores',
    columnOther: 'Otras etiquetas',
    article: 'Artículo {n}',
  },
  ar: {
    mechanism: 'الآلية',
    session: 'الدورة',
    stateUnderReview: 'الدولة قيد الاستعراض',
    submissionType: 'نوع المساهمة',
    organisation: 'المنظمة المقدِّمة',
    organisations: 'المنظمات المقدِّمة',
    contact: 'جهة الاتصال',
    publication: 'النشر',
    public: 'علنية: يجوز نشر هذه المساهمة.',
    confidential: 'سرية: لا يجوز نشر هذه المساهمة.',
    wordCount: 'عدد الكلمات: {count}',
    ofLimit: ' من حد أقصى قدره {limit}',
    notCounted: ' (لا تُحتسب {parts})',
    notes: 'الحواشي',
    annexes: 'المرفقات',
    and: ' و',
    annexPrefix: 'المرفق {n}: ',
    annexTags: 'مرفق: مواد المعاهدة والتوصيات العامة وغايات أهداف التنمية المستدامة ومواضيع الاستعراض الدوري الشامل التي يتناولها كل قسم',
    annexPrior: 'مرفق: تنفيذ التوصيات السابقة',
    notesHeading: 'الحواشي',
    section: 'القسم',
    recommendation: 'التوصية',
    source: 'المصدر',
    assessment: 'التقييم',
    comment: 'تعليق',
    columnArticles: 'مواد المعاهدة',
    columnGeneralComments: 'التوصيات والتعليقات العامة',
    columnSdg: 'أهداف التنمية المستدامة وغاياتها',
    columnUprThemes: 'مواضيع الاستعراض الدوري الشامل ومجموعاته',
    columnRecommendations: 'التوصيات السابقة',
    columnOther: 'وسوم أخرى',
    article: 'المادة {n}',
  },
  zh: {
    mechanism: '机制',
    session: '届会',
    stateUnderReview: '受审议国',
    submissionType: '提交类型',
    organisation: '提交组织',
    organisations: '提交组织',
    contact: '联系人',
    publication: '公开',
    public: '公开：本材料可以公布。',
    confidential: '保密：本材料不得公布。',
    wordCount: '字数：{count}',
    ofLimit: '，上限 {limit}',
    notCounted: '（{parts}不计入）',
    notes: '注释',
    annexes: '附件',
    and: '和',
    annexPrefix: '附件 {n}：',
    annexTags: '附件：各部分涉及的条约条款、一般性建议、可持续发展目标具体目标和普遍定期审议主题',
    annexPrior: '附件：以往建议的落实情况',
    notesHeading: '注释',
    section: '部分',
    recommendation: '建议',
    source: '来源',
    assessment: '评估',
    comment: '评论',
    columnArticles: '条约条款',
    columnGeneralComments: '一般性建议和一般性意见',
    columnSdg: '可持续发展目标和具体目标',
    columnUprThemes: '普遍定期审议主题和组别',
    columnRecommendations: '以往建议',
    columnOther: '其他标签',
    article: '第 {n} 条',
  },
  ru: {
    mechanism: 'Механизм',
    session: 'Сессия',
    stateUnderReview: 'Государство — объект обзора',
    submissionType: 'Тип представления',
    organisation: 'Представившая организация',
    organisations: 'Представившие организации',
    contact: 'Контактное лицо',
    publication: 'Публикация',
    public: 'Открытое: это представление может быть опубликовано.',
    confidential: 'Конфиденциальное: это представление не подлежит публикации.',
    wordCount: 'Число слов: {count}',
    ofLimit: ' при пределе {limit}',
    notCounted: ' ({parts} не учитываются)',
    notes: 'сноски',
    annexes: 'приложения',
    and: ' и ',
    annexPrefix: 'Приложение {n}: ',
    annexTags: 'Приложение: статьи договора, общие рекомендации, задачи ЦУР и темы УПО, которые затрагивает каждый раздел',
    annexPrior: 'Приложение: выполнение прежних рекомендаций',
    notesHeading: 'Сноски',
    section: 'Раздел',
    recommendation: 'Рекомендация',
    source: 'Источник',
    assessment: 'Оценка',
    comment: 'Комментарий',
    columnArticles: 'Статьи договора',
    columnGeneralComments: 'Общие рекомендации и замечания общего порядка',
    columnSdg: 'Цели и задачи в области устойчивого развития',
    columnUprThemes: 'Темы и группы УПО',
    columnRecommendations: 'Прежние рекомендации',
    columnOther: 'Другие метки',
    article: 'Статья {n}',
  },
};

function base(language: string): string {
  return language.toLowerCase().split('-')[0] ?? '';
}

/** The document words for a BCP 47 tag (its base language), English for any other language or none. */
export function documentWords(language: string): DocumentWords {
  return WORDS[base(language)] ?? EN;
}

/** Fill `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Titles of the sections templates start with (shared/templates/catalogue.ts), in French and Spanish; other
 * languages keep the English titles. The CRC clusters keep the committee's article references.
 */
const SECTION_TITLES: Record<string, Record<string, string>> = {
  fr: {
    Introduction: 'Introduction',
    'Methodology and the coalition': 'Méthodologie et coalition',
    Recommendations: 'Recommandations',
    'Introduction and the submitting organisation': 'Introduction et organisation auteure',
    'Introduction and the submitting organisations': 'Introduction et organisations auteures',
    'Methodology and consultation': 'Méthodologie et consultation',
    "Follow-up of the previous cycle's recommendations": 'Suivi des recommandations du cycle précédent',
    'Thematic issues': 'Questions thématiques',
    'Introduction: the coalition and the State’s reporting': 'Introduction : la coalition et les rapports de l’État',
    'Issue {n}': 'Question {n}',
    'Follow-up recommendation {n}': 'Recommandation faisant l’objet d’un suivi {n}',
    'Follow-up of the previous concluding observations': 'Suivi des observations finales précédentes',
    'Issues under {treaty}': 'Questions relevant de {treaty}',
    'General measures of implementation (arts. 4, 42 and 44 (6))': 'Mesures d’application générales (art. 4, 42 et 44 (par. 6))',
    'Definition of the child (art. 1)': 'Définition de l’enfant (art. 1)',
    'General principles (arts. 2, 3, 6 and 12)': 'Principes généraux (art. 2, 3, 6 et 12)',
    'Civil rights and freedoms (arts. 7, 8, 13 to 17 and 37 (a))': 'Libertés et droits civils (art. 7, 8, 13 à 17 et 37 a))',
    'Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)': 'Violence à l’égard des enfants (art. 19, 24 (par. 3), 28 (par. 2), 34, 37 a) et 39)',
    'Family environment and alternative care (arts. 5, 9 to 11, 18 (1) and (2), 20, 21, 25 and 27 (4))':
      'Milieu familial et protection de remplacement (art. 5, 9 à 11, 18 (par. 1 et 2), 20, 21, 25 et 27 (par. 4))',
    'Disability, basic health and welfare (arts. 6, 18 (3), 23, 24, 26, 27 (1) to (3) and 33)':
      'Handicap, santé et bien-être (art. 6, 18 (par. 3), 23, 24, 26, 27 (par. 1 à 3) et 33)',
    'Education, leisure and cultural activities (arts. 28 to 31)': 'Éducation, loisirs et activités culturelles (art. 28 à 31)',
    'Special protection measures (arts. 22, 30, 32 to 36, 37 (b) to (d), 38, 39 and 40)':
      'Mesures de protection spéciales (art. 22, 30, 32 à 36, 37 b) à d), 38, 39 et 40)',
  },
  es: {
    Introduction: 'Introducción',
    'Methodology and the coalition': 'Metodología y coalición',
    Recommendations: 'Recomendaciones',
    'Introduction and the submitting organisation': 'Introducción y organización que presenta',
    'Introduction and the submitting organisations': 'Introducción y organizaciones que presentan',
    'Methodology and consultation': 'Metodología y consulta',
    "Follow-up of the previous cycle's recommendations": 'Seguimiento de las recomendaciones del ciclo anterior',
    'Thematic issues': 'Cuestiones temáticas',
    'Introduction: the coalition and the State’s reporting': 'Introducción: la coalición y los informes del Estado',
    'Issue {n}': 'Cuestión {n}',
    'Follow-up recommendation {n}': 'Recomendación objeto de seguimiento {n}',
    'Follow-up of the previous concluding observations': 'Seguimiento de las observaciones finales anteriores',
    'Issues under {treaty}': 'Cuestiones relativas a {treaty}',
    'General measures of implementation (arts. 4, 42 and 44 (6))': 'Medidas generales de aplicación (arts. 4, 42 y 44, párr. 6)',
    'Definition of the child (art. 1)': 'Definición de niño (art. 1)',
    'General principles (arts. 2, 3, 6 and 12)': 'Principios generales (arts. 2, 3, 6 y 12)',
    'Civil rights and freedoms (arts. 7, 8, 13 to 17 and 37 (a))': 'Derechos y libertades civiles (arts. 7, 8, 13 a 17 y 37 a))',
    'Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)': 'Violencia contra los niños (arts. 19, 24, párr. 3, 28, párr. 2, 34, 37 a) y 39)',
    'Family environment and alternative care (arts. 5, 9 to 11, 18 (1) and (2), 20, 21, 25 and 27 (4))':
      'Entorno familiar y modalidades alternativas de cuidado (arts. 5, 9 a 11, 18, párrs. 1 y 2, 20, 21, 25 y 27, párr. 4)',
    'Disability, basic health and welfare (arts. 6, 18 (3), 23, 24, 26, 27 (1) to (3) and 33)':
      'Discapacidad, salud básica y bienestar (arts. 6, 18, párr. 3, 23, 24, 26, 27, párrs. 1 a 3, y 33)',
    'Education, leisure and cultural activities (arts. 28 to 31)': 'Educación, esparcimiento y actividades culturales (arts. 28 a 31)',
    'Special protection measures (arts. 22, 30, 32 to 36, 37 (b) to (d), 38, 39 and 40)':
      'Medidas especiales de protección (arts. 22, 30, 32 a 36, 37 b) a d), 38, 39 y 40)',
  },
};

/**
 * A template section's title in `language`: "Issue 2" and "Follow-up recommendation 1" by their pattern, the
 * rest by their English title; English when there is no translation.
 */
export function sectionTitle(english: string, language: string): string {
  const titles = SECTION_TITLES[base(language)];
  if (!titles) return english;
  const numbered = /^(.*?) (\d+)$/.exec(english);
  if (numbered && titles[`${numbered[1]} {n}`]) return fill(titles[`${numbered[1]} {n}`]!, { n: numbered[2]! });
  return titles[english] ?? english;
}
