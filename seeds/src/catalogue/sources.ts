/** Publications and documents the seeded figures come from. */
export interface SourceDefinition {
  code: string;
  title: string;
  publisher: string;
  url: string | null;
  documentName: string | null;
  licence: string;
  publishedOn: string | null;
}

const OGL = "Open Government Licence v3.0";
const DFE = "Department for Education";
const ees = (slug: string) => `https://explore-education-statistics.service.gov.uk/find-statistics/${slug}`;
const doc = (code: string, title: string, documentName: string, publishedOn: string): SourceDefinition => ({
  code,
  title,
  publisher: "Dorset Strategic Alliance for Children and Young People",
  url: null,
  documentName,
  licence: "",
  publishedOn,
});

export const sources: SourceDefinition[] = [
  {
    code: "dfe-absence",
    title: "Pupil absence in schools in England",
    publisher: DFE,
    url: ees("pupil-absence-in-schools-in-england"),
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-exclusions",
    title: "Suspensions and permanent exclusions in England",
    publisher: DFE,
    url: ees("suspensions-and-permanent-exclusions-in-england"),
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-cla",
    title: "Children looked after in England including adoptions",
    publisher: DFE,
    url: ees("children-looked-after-in-england-including-adoptions"),
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-cin",
    title: "Characteristics of children in need",
    publisher: DFE,
    url: ees("characteristics-of-children-in-need"),
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-eyfsp",
    title: "Early years foundation stage profile results",
    publisher: DFE,
    url: ees("early-years-foundation-stage-profile-results"),
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-ks2",
    title: "Key stage 2 attainment",
    publisher: DFE,
    url: ees("key-stage-2-attainment"),
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-ks4",
    title: "Key stage 4 performance",
    publisher: DFE,
    url: ees("key-stage-4-performance"),
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-neet",
    title: "NEET and participation: local authority figures",
    publisher: DFE,
    url: "https://www.gov.uk/government/publications/neet-and-participation-local-authority-figures",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "nhs-ncmp",
    title: "National Child Measurement Programme",
    publisher: "NHS England",
    url: "https://digital.nhs.uk/data-and-information/publications/statistical/national-child-measurement-programme",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dwp-cilif",
    title: "Children in low income families: local area statistics",
    publisher: "Department for Work and Pensions",
    url: "https://www.gov.uk/government/collections/children-in-low-income-families-local-area-statistics",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "moj-yjs",
    title: "Youth justice statistics",
    publisher: "Youth Justice Board and Ministry of Justice",
    url: "https://www.gov.uk/government/collections/youth-justice-statistics",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "ohid-child-health",
    title: "Child and Maternal Health profiles (Fingertips)",
    publisher: "Office for Health Improvement and Disparities",
    url: "https://fingertips.phe.org.uk/profile/child-health-profiles",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-lait",
    title: "Local authority interactive tool (LAIT)",
    publisher: DFE,
    url: "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "ons-population",
    title: "Mid-year population estimates, children aged 0 to 17",
    publisher: "Office for National Statistics",
    url: "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  {
    code: "dfe-statistical-neighbours",
    title: "Children's services statistical neighbour benchmarking tool (April 2021 groupings)",
    publisher: DFE,
    url: "https://www.gov.uk/government/publications/local-authority-interactive-tool-lait",
    documentName: null,
    licence: OGL,
    publishedOn: "2021-04-01",
  },
  {
    code: "ons-geography",
    title: "ONS Open Geography: LA, region and ward lookups",
    publisher: "Office for National Statistics",
    url: "https://geoportal.statistics.gov.uk/",
    documentName: null,
    licence: OGL,
    publishedOn: null,
  },
  doc(
    "annual-report-2020-21",
    "Dorset Strategic Alliance for Children and Young People, Annual Report 2020-21",
    "strategic-alliance-annual-report-2020-21.txt",
    "2021-06-01",
  ),
  doc(
    "annual-report-2024",
    "Dorset's Strategic Alliance Annual Report 2024",
    "strategic-alliance-annual-report-2024.txt",
    "2024-06-01",
  ),
  doc(
    "dorchester-lag-2023-09-21",
    "Dorchester Local Alliance Group minutes, 21 September 2023",
    "dorchester-lag-minutes-2023-09-21.txt",
    "2023-09-21",
  ),
  doc(
    "chesil-lag-2023-10-04",
    "Chesil Local Alliance Group minutes, 4 October 2023",
    "chesil-lag-minutes-2023-10-04.txt",
    "2023-10-04",
  ),
  doc(
    "whole-dorset-lags-2022-09-08",
    "Whole of Dorset Local Alliance Groups minutes, 8 September 2022",
    "whole-of-dorset-lags-minutes-2022-09-08.txt",
    "2022-09-08",
  ),
  {
    code: "plan-outcomes-illustrative",
    title: "Illustrative locality figures (generated by Plan Outcomes, not real data)",
    publisher: "Plan Outcomes",
    url: null,
    documentName: null,
    licence: "",
    publishedOn: null,
  },
];
