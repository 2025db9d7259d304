export { checkPersonRef, formatNip, personLabel, PERSON_NAME_MAX, PERSON_OFFICE_MAX, type PersonRef } from './person';
export { checkNip, type NipCheck } from './nip';
export { filterLaneGroups, laneGroupsOf, laneKeyOf, organisationKey, type LaneGroup, type LaneOption, type LaneRef } from './lanes';
