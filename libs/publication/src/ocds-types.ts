/**
 * The part of OCDS 1.1.5 (with the bid extension) that Fairtender fills. Field names are the standard's;
 * optional fields are left out rather than set to null, so a merge never deletes what an earlier release
 * said (a null in OCDS means "remove").
 */
export interface OcdsValue {
  amount: number;
  currency: string;
}

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
  durationInDays?: number;
}

export interface OrganizationReference {
  id: string;
}

export interface OcdsParty {
  id: string;
  roles: string[];
}

export interface OcdsClassification {
  scheme: string;
  id: string;
}

export interface OcdsItem {
  id: string;
  description: string;
  classification: OcdsClassification;
  additionalClassifications: OcdsClassification[];
}

export interface OcdsAmendment {
  id: string;
  date: string;
  rationale: string;
  description: string;
  /** Release ids; stored as release keys and qualified with the ocid on publication. */
  amendsReleaseID?: string;
  releaseID: string;
}

export interface OcdsDocument {
  id: string;
  documentType: string;
  title: string;
  description: string;
  datePublished: string;
}

export interface OcdsTender {
  id: string;
  title: string;
  description: string;
  status: 'planning' | 'active' | 'cancelled' | 'unsuccessful' | 'complete';
  procuringEntity: OrganizationReference;
  items: OcdsItem[];
  value: OcdsValue;
  procurementMethod: 'open' | 'selective' | 'limited' | 'direct';
  procurementMethodDetails: string;
  procurementMethodRationale?: string;
  mainProcurementCategory?: 'goods' | 'works' | 'services';
  awardCriteria: string;
  awardCriteriaDetails: string;
  submissionMethod: string[];
  submissionMethodDetails: string;
  tenderPeriod: OcdsPeriod;
  enquiryPeriod: OcdsPeriod;
  hasEnquiries?: boolean;
  awardPeriod?: OcdsPeriod;
  numberOfTenderers?: number;
  tenderers?: OrganizationReference[];
  documents?: OcdsDocument[];
  amendments?: OcdsAmendment[];
}

/** Bid extension: one bid. */
export interface OcdsBid {
  id: string;
  date: string;
  status: 'pending' | 'valid' | 'disqualified' | 'withdrawn';
  tenderers: OrganizationReference[];
  value?: OcdsValue;
}

/** Bid extension: an aggregate figure. */
export interface OcdsBidStatistic {
  id: string;
  measure: string;
  value: number;
  date: string;
  currency?: string;
  notes?: string;
}

export interface OcdsBids {
  statistics: OcdsBidStatistic[];
  details: OcdsBid[];
}

export interface OcdsAward {
  id: string;
  title: string;
  description: string;
  status: 'pending' | 'active' | 'cancelled' | 'unsuccessful';
  date: string;
  value?: OcdsValue;
  suppliers: OrganizationReference[];
  relatedBid?: string;
  contractPeriod?: OcdsPeriod;
  documents?: OcdsDocument[];
}

export interface OcdsContract {
  id: string;
  awardID: string;
  title: string;
  status: 'pending' | 'active' | 'cancelled' | 'terminated';
  period: OcdsPeriod;
  value: OcdsValue;
  dateSigned: string;
  documents?: OcdsDocument[];
  amendments?: OcdsAmendment[];
}

export type ReleaseTag =
  | 'planning'
  | 'planningUpdate'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'tenderCancellation'
  | 'award'
  | 'awardUpdate'
  | 'awardCancellation'
  | 'contract'
  | 'contractUpdate'
  | 'contractAmendment'
  | 'compiled';

/** The planning section: the need, the budget and the planning notices as documents (issue 14). */
export interface OcdsPlanning {
  rationale: string;
  budget: { description: string; amount: OcdsValue };
  documents?: OcdsDocument[];
}

/** A release as stored: everything but the ocid, which publication adds (it is configuration). */
export interface ReleaseBody {
  /** The release key (the id of the event that made it); published as `<ocid>-<key>`. */
  id: string;
  date: string;
  tag: ReleaseTag[];
  initiationType: 'tender';
  language: 'en';
  parties: OcdsParty[];
  buyer: OrganizationReference;
  planning?: OcdsPlanning;
  tender: OcdsTender;
  bids?: OcdsBids;
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
}

export interface OcdsRelease extends ReleaseBody {
  ocid: string;
}

export interface OcdsPublisher {
  name: string;
  uri?: string;
}

export interface PackageMetadata {
  uri: string;
  publisher: OcdsPublisher;
}

export interface ReleasePackage {
  uri: string;
  version: '1.1';
  extensions: string[];
  publishedDate: string;
  publisher: OcdsPublisher;
  releases: OcdsRelease[];
  links?: { next?: string };
}

export interface OcdsRecord {
  ocid: string;
  releases: OcdsRelease[];
  compiledRelease: OcdsRelease;
}

export interface RecordPackage {
  uri: string;
  version: '1.1';
  extensions: string[];
  publishedDate: string;
  publisher: OcdsPublisher;
  records: OcdsRecord[];
}
