// TEMP scaffolding: the value module's door is written by its owner; this one only registers the analytics core.
import type { Deps } from '../../platform/deps.ts';
import type { TandemApp } from '../../platform/http/types.ts';
import { valueCoreRoutes } from './core-routes.ts';

export function valueModule(app: TandemApp, deps: Deps) {
  valueCoreRoutes(app, deps);
}

export { valueCoreAccessMatrix } from './core.access-matrix.ts';
export { defaultRfmRules } from './rfm/rules.ts';
