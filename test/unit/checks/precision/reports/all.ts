/** Every full report of this folder, by a short name. */
import type { Report } from '../../../../../shared/model/types';
import { city2024, cityBureau2024 } from './city-level';
import { county2024, district2024 } from './county-district';
import { street2024, town2024, xiang2023 } from './township-level';
import { hospital2024, police2022, taxBureau2024 } from './vertical-other';
import { countyBureau2024, hightech2024, newArea2023 } from './zones-bureau';
import { communityStreet2024, ethnicXiang2024 } from './villages-communities';
import { branchBureau2024, devZone2024, fundCentre2024 } from './zone-branches-centre';

export const FULL_REPORTS: Record<string, () => Report> = {
  street: street2024,
  town: town2024,
  xiang: xiang2023,
  county: county2024,
  district: district2024,
  hightech: hightech2024,
  newArea: newArea2023,
  countyBureau: countyBureau2024,
  cityBureau: cityBureau2024,
  city: city2024,
  tax: taxBureau2024,
  police: police2022,
  hospital: hospital2024,
  // Second red-team pass.
  devZone: devZone2024,
  branchBureau: branchBureau2024,
  fundCentre: fundCentre2024,
  ethnicXiang: ethnicXiang2024,
  communityStreet: communityStreet2024,
};
