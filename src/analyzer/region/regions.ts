// PLACEHOLDER owned by the analyzer-core helper: geo codes and required endpoints per region.
export interface RegionEntry {
  id: string;
  displayName: string;
  geo: string;
}
export interface RequiredEndpoint {
  host: string;
  port: number;
  service: string;
  purpose: string;
}
export function listRegions(): RegionEntry[] {
  return [];
}
export function findRegion(_query: string): RegionEntry | undefined {
  return undefined;
}
export function requiredEndpointsForRegion(_region: RegionEntry): RequiredEndpoint[] {
  return [];
}
