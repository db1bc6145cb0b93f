// Short names for the API's schemas, generated into schema.d.ts from the OpenAPI document.
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
type Schemas = components['schemas'];

export type AccessToken = Schemas['AccessToken'];
export type AddMember = Schemas['AddMemberInput'];
export type AuditList = Schemas['AuditList'];
export type AuditRecord = Schemas['AuditRecord'];
export type AuditVerification = Schemas['AuditVerification'];
export type AuthProviders = Schemas['AuthProviders'];
export type Entry = Schemas['Entry'];
export type EntryList = Schemas['EntryList'];
export type EntryWrite = Schemas['EntryWriteInput'];
export type FactorList = Schemas['FactorList'];
export type FactorOptions = Schemas['FactorOptions'];
export type ImportRequest = Schemas['ImportRequestInput'];
export type ImportAccepted = Schemas['ImportAccepted'];
export type Job = Schemas['Job'];
export type JobList = Schemas['JobList'];
export type LoginResponse = Schemas['LoginResponse'];
export type Problem = Schemas['Problem'];
export type Report = Schemas['Report'];
export type ReportingList = Schemas['ReportingList'];
export type ReportingRow = Schemas['ReportingRow'];
export type Results = Schemas['Results'];
export type Session = Schemas['Session'];
export type SetRoles = Schemas['SetRoles'];
export type Unit = Schemas['Unit'];
export type UnitDetail = Schemas['UnitDetail'];
export type UnitList = Schemas['UnitList'];
export type UploadTicket = Schemas['UploadTicket'];
export type User = Schemas['User'];
export type UserList = Schemas['UserList'];
export type UserRole = Schemas['UserRole'];
export type Year = Schemas['Year'];
export type YearList = Schemas['YearList'];
// Back office (years, factors, imports console).
export type CsvTemplate = Schemas['CsvTemplate'];
export type CsvTemplateList = Schemas['CsvTemplateList'];
export type Factor = Schemas['Factor'];
export type PutYear = Schemas['PutYearInput'];
export type RecalculationAccepted = Schemas['RecalculationAccepted'];
export type RecalculationRequest = Schemas['RecalculationRequestInput'];
export type SyncAccepted = Schemas['SyncAccepted'];
export type SystemStatus = Schemas['SystemStatus'];
export type YearModule = Schemas['YearModule'];

export type ModuleId = Report['modules'][number]['module'];
export type SubModuleId = Entry['subModule'];
export type ModuleStatus = Report['status'];
