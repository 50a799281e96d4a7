import { allocate } from '../../src/core/allocation';
it('x', () => {
  const input = JSON.parse(process.env.IN!)[0];
  console.log(JSON.stringify(allocate(input).rows.map((r) => [r.applicationId, r.excursionId, r.decision, r.placesGranted, r.reason.kind, r.reason.releases, r.waitlistPosition])));
});
