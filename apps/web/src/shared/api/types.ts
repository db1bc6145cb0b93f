// Short names for the API's schemas, generated into schema.d.ts from the OpenAPI document.
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
type Schemas = components['schemas'];

export type AccessToken = Schemas['AccessToken'];
export type AuthProviders = Schemas['AuthProviders'];
export type Entry = Schemas['Entry'];
export type EntryList = Schemas['EntryList'];
export type EntryWrite = Schemas['EntryWriteInput'];
export type FactorList = Schemas['FactorList'];
export type FactorOptions = Schemas['FactorOptions'];
export type ImportRequest = Schemas['ImportRequestInput'];
export type ImportAccepted = Schemas['ImportAccepted'];
export type Job = Schemas['Job'];
export type LoginResponse = Schemas['LoginResponse'];
export type Problem = Schemas['Problem'];
export type Report = Schemas['Report'];
export type Results = Schemas['Results'];
export type Session = Schemas['Session'];
export type Unit = Schemas['Unit'];
export type UnitList = Schemas['UnitList'];
export type UploadTicket = Schemas['UploadTicket'];
export type Year = Schemas['Year'];
export type YearList = Schemas['YearList'];

export type ModuleId = Report['modules'][number]['module'];
export type SubModuleId = Entry['subModule'];
export type ModuleStatus = Report['status'];
