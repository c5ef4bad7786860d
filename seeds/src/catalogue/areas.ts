/** Areas a fresh install knows without the public files (DOMAIN.md section 3). */
export interface AreaDefinition {
  code: string;
  type: "country" | "region" | "local_authority" | "locality" | "lag_area" | "ward" | "lsoa";
  name: string;
  onsCode?: string;
  dfeCode?: string;
  parent?: string;
  validFrom?: string;
  validTo?: string;
  aliases?: string[];
  note?: string;
}

export const ENGLAND = "E92000001";
export const SOUTH_WEST = "E12000009";
export const DORSET = "E06000059";

const region = (onsCode: string, name: string, aliases: string[] = []): AreaDefinition => ({
  code: onsCode,
  type: "region",
  name,
  onsCode,
  parent: ENGLAND,
  aliases,
});

const la = (
  onsCode: string,
  dfeCode: string,
  name: string,
  regionCode: string,
  extra: Partial<AreaDefinition> = {},
): AreaDefinition => ({
  code: onsCode,
  type: "local_authority",
  name,
  onsCode,
  dfeCode,
  parent: regionCode,
  ...extra,
});

const LOCALITIES_FROM = "2020-09-01";
const CHESIL_SPLIT = "2023-10-04";

const locality = (slug: string, name: string): AreaDefinition => ({
  code: `DOR-LOC-${slug}`,
  type: "locality",
  name,
  parent: DORSET,
  validFrom: LOCALITIES_FROM,
  note: "Dorset children's services locality; not an official geography.",
});

const lag = (
  slug: string,
  name: string,
  parentLocality: string,
  extra: Partial<AreaDefinition> = {},
): AreaDefinition => ({
  code: `DOR-LAG-${slug}`,
  type: "lag_area",
  name,
  parent: `DOR-LOC-${parentLocality}`,
  validFrom: LOCALITIES_FROM,
  ...extra,
});

export const coreAreas: AreaDefinition[] = [
  { code: ENGLAND, type: "country", name: "England", onsCode: ENGLAND },
  region("E12000001", "North East"),
  region("E12000002", "North West"),
  region("E12000003", "Yorkshire and The Humber"),
  region("E12000004", "East Midlands"),
  region("E12000005", "West Midlands"),
  region("E12000006", "East of England", ["East"]),
  region("E12000007", "London"),
  // DfE publishes Inner and Outer London as sub-regions of London.
  {
    code: "E13000001",
    onsCode: "E13000001",
    type: "region",
    name: "Inner London",
    parent: "E12000007",
    aliases: ["London (Inner)"],
  },
  {
    code: "E13000002",
    onsCode: "E13000002",
    type: "region",
    name: "Outer London",
    parent: "E12000007",
    aliases: ["London (Outer)"],
  },
  region("E12000008", "South East"),
  region(SOUTH_WEST, "South West"),
  la(DORSET, "838", "Dorset", SOUTH_WEST, {
    validFrom: "2019-04-01",
    aliases: ["Dorset Council"],
    note: "Dorset Council, since April 2019.",
  }),
  la("E10000009", "835", "Dorset County Council", SOUTH_WEST, {
    validTo: "2019-03-31",
    aliases: ["Dorset (Pre LG)", "Dorset County", "Dorset"],
    note: "Before April 2019; included Christchurch. A break in series: never joined to Dorset Council.",
  }),
  la("E06000058", "839", "Bournemouth, Christchurch and Poole", SOUTH_WEST, { validFrom: "2019-04-01" }),
  la("E06000028", "837", "Bournemouth", SOUTH_WEST, { validTo: "2019-03-31", aliases: ["Bournemouth (Pre LG)"] }),
  la("E06000029", "836", "Poole", SOUTH_WEST, { validTo: "2019-03-31", aliases: ["Poole (Pre LG)"] }),
  la("E10000008", "878", "Devon", SOUTH_WEST),
  la("E06000066", "933", "Somerset", SOUTH_WEST, { validFrom: "2023-04-01" }),
  la("E06000051", "893", "Shropshire", "E12000005"),
  la("E10000013", "916", "Gloucestershire", SOUTH_WEST),
  la("E10000034", "885", "Worcestershire", "E12000005"),
  la("E10000011", "845", "East Sussex", "E12000008"),
  la("E10000029", "935", "Suffolk", "E12000006"),
  la("E06000052", "908", "Cornwall", SOUTH_WEST),
  la("E06000054", "865", "Wiltshire", SOUTH_WEST),
  la("E10000020", "926", "Norfolk", "E12000006"),
  locality("CHESIL", "Chesil"),
  locality("DORCHESTER", "Dorchester"),
  locality("EAST-DORSET", "East Dorset"),
  locality("NORTH-DORSET", "North Dorset"),
  locality("PURBECK", "Purbeck"),
  locality("WEST-DORSET", "West Dorset"),
  lag("CHESIL", "Chesil LAG", "CHESIL", {
    validTo: "2023-10-03",
    note: "Became the Weymouth LAG on 4 October 2023, when Portland started its own LAG.",
  }),
  lag("WEYMOUTH", "Weymouth LAG", "CHESIL", { validFrom: CHESIL_SPLIT, note: "Formerly part of the Chesil LAG." }),
  lag("PORTLAND", "Portland LAG", "CHESIL", { validFrom: CHESIL_SPLIT, note: "Formerly part of the Chesil LAG." }),
  lag("DORCHESTER", "Dorchester LAG", "DORCHESTER"),
  lag("EAST-DORSET", "East Dorset LAG", "EAST-DORSET"),
  lag("NORTH-DORSET", "North Dorset LAG", "NORTH-DORSET"),
  lag("PURBECK", "Purbeck LAG", "PURBECK"),
  lag("WEST-DORSET", "West Dorset LAG", "WEST-DORSET"),
];

/** DfE statistical neighbours of Dorset (April 2021 groupings), closest first. */
export const dorsetStatisticalNeighbours = [
  "E10000008",
  "E06000066",
  "E06000051",
  "E10000013",
  "E10000034",
  "E10000011",
  "E10000029",
  "E06000052",
  "E06000054",
  "E10000020",
];

/** Other names DfE files use for LAs whose lookup name differs (LAIT writes "Durham", ONS "County Durham"). */
export const localAuthorityAliases: Record<string, string[]> = {
  E06000055: ["Bedford Borough"],
  E06000047: ["Durham"],
  E06000019: ["Herefordshire"],
};
