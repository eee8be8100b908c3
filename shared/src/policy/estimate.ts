import type { EstimateRequest, EstimateResponse } from '../schemas/policy';
import type { StandardsInEffect } from './standards';
import { household } from './household';
import { assessTekun, tekunMembers } from './tekun';
import { assessDibao } from './dibao';
import { assessDisabilityCare, assessDisabilityLiving } from './disability';
import { assessChildren } from './children';
import { assessHeating } from './heating';

/**
 * 政策测算: what a household may qualify for under the standards in effect. Pure and synchronous
 * (the phone runs the same code); the caller picks the standards for the region and date. Tekun
 * is decided first because a tekun member is not counted for dibao.
 */
export function estimatePolicy(request: EstimateRequest, standards: StandardsInEffect, date: string): EstimateResponse {
  const h = household(request, standards);
  const tekun = tekunMembers(h);
  const { dibao, dibaoEdge, recipients } = assessDibao(h, tekun);
  return {
    regionCode: request.regionCode,
    regionName: standards.regionName,
    date,
    effectiveFrom: standards.effectiveFrom,
    results: [
      dibao,
      dibaoEdge,
      assessTekun(h, tekun),
      assessDisabilityLiving(h, recipients),
      assessDisabilityCare(h),
      assessChildren(h, 'orphan'),
      assessChildren(h, 'childInHardship'),
      assessChildren(h, 'unsupportedChild'),
      assessHeating(h, recipients, tekun),
    ],
  };
}
