/** The two Plans and their priorities, in order (DOMAIN.md section 2). */
export interface PriorityDefinition {
  code: string;
  title: string;
  aims: string;
}

export interface PlanDefinition {
  code: string;
  title: string;
  startsOn: string;
  endsOn: string;
  publishedOn: string | null;
  isCurrent: boolean;
  priorities: PriorityDefinition[];
}

export const PLAN_2020 = "cypf-2020-2023";
export const PLAN_2023 = "cypf-2023-2033";

export const plans: PlanDefinition[] = [
  {
    code: PLAN_2023,
    title: "Children, Young People and Families' Plan 2023-2033",
    startsOn: "2023-06-01",
    endsOn: "2033-05-31",
    publishedOn: "2023-06-01",
    isCurrent: true,
    priorities: [
      {
        code: "best-start-in-life",
        title: "Best start in life",
        aims: "Support for babies, young children and parents from pregnancy; children ready for school.",
      },
      {
        code: "young-and-thriving",
        title: "Young and thriving",
        aims: "Emotional wellbeing, youth voice, staying out of youth justice, preparation for adulthood.",
      },
      {
        code: "good-care-provision",
        title: "Good care provision",
        aims: "Care close to home, family-based care, stability, and homes and work for care leavers.",
      },
      {
        code: "best-education-for-all",
        title: "Best education for all",
        aims: "Attendance, fewer exclusions, inclusion and attainment.",
      },
      {
        code: "best-place-to-live",
        title: "Best place to live",
        aims: "Thriving communities, things to do, and the rights of the child.",
      },
      {
        code: "local-family-help",
        title: "Local family help",
        aims: "Help early and locally, through Family Hubs and Local Alliance Groups.",
      },
      {
        code: "safe-at-home-and-in-the-community",
        title: "Safe at home and in the community",
        aims: "Safety from harm at home and outside it; carries the Families First for Children pathfinder.",
      },
    ],
  },
  {
    code: PLAN_2020,
    title: "Children, Young People and Families' Plan 2020-2023",
    startsOn: "2020-09-01",
    endsOn: "2023-05-31",
    publishedOn: "2020-09-01",
    isCurrent: false,
    priorities: [
      { code: "best-start-in-life", title: "Best Start in Life", aims: "" },
      { code: "young-and-thriving", title: "Young and Thriving", aims: "" },
      { code: "good-care-provision", title: "Good Care Provision", aims: "" },
      { code: "best-education-for-all", title: "Best Education for All", aims: "" },
      { code: "best-place-to-live", title: "Best Place to Live", aims: "" },
      { code: "delivering-locally", title: "Delivering Locally", aims: "" },
    ],
  },
];

/** 2020-2023 priority -> 2023-2033 priority it continues as. */
export const priorityMappings: { from: string; to: string; note: string }[] = [
  { from: "best-start-in-life", to: "best-start-in-life", note: "Carried over." },
  { from: "young-and-thriving", to: "young-and-thriving", note: "Carried over." },
  { from: "good-care-provision", to: "good-care-provision", note: "Carried over." },
  { from: "best-education-for-all", to: "best-education-for-all", note: "Carried over." },
  { from: "best-place-to-live", to: "best-place-to-live", note: "Carried over." },
  { from: "delivering-locally", to: "local-family-help", note: "Delivering Locally became Local family help." },
];
