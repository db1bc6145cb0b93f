// Generated from the API’s OpenAPI document by `npm run api-types`. Do not edit:
// apps/api/test/api-types.test.ts fails when this file and the API drift apart.

export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit records, newest first, filtered; `format=csv` exports all that match */
        get: {
            parameters: {
                query?: {
                    /** @description Exact action, e.g. `roles.changed` */
                    action?: string;
                    /** @description Text in the actor’s label (their e-mail), case-insensitive */
                    actor?: string;
                    /** @description `csv`: every matching record as a download (needs the export permission) */
                    format?: "json" | "csv";
                    /** @description From this date or time (inclusive) */
                    from?: string;
                    /** @description Page number, from 1 */
                    page?: number;
                    pageSize?: number;
                    targetId?: string;
                    targetType?: string;
                    /** @description Up to this time; a date alone includes that whole day (UTC) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audit record, with its before and after */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditRecord"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check the hash chain of the whole log: any changed, inserted or removed record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerification"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a local account; sets the refresh cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoginResponse"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the identity provider sends the browser back; sets the refresh cookie */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    error?: string;
                    error_description?: string;
                    state?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start single sign-on: redirects to the institution’s identity provider */
        get: {
            parameters: {
                query?: {
                    /** @description Where to go after signing in (a path on this site) */
                    returnTo?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How one can sign in here */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthProviders"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new access token for the refresh cookie, which is rotated */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessToken"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse a year’s emission factors (filters: subModule, factorSet, stale, q) */
        get: {
            parameters: {
                query: {
                    factorSet?: string;
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                    /** @description Text in the classification or source */
                    q?: string;
                    /** @description Sort field, `-` prefix for descending: factorSet, classificationKey */
                    sort?: "factorSet" | "-factorSet" | "classificationKey" | "-classificationKey";
                    stale?: string;
                    /** @description Only the sets its entry type reads */
                    subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FactorList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/factors/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The classification values a sub-module’s rows may choose, from the year’s factors */
        get: {
            parameters: {
                query: {
                    subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FactorOptions"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/factors/recalculate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recalculate a year’s rows with the current factors, then its results (a job) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecalculationRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecalculationAccepted"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/factors/stale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year’s stale factors: missing from the latest import of their set */
        get: {
            parameters: {
                query: {
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                    /** @description Only the sets its entry type reads */
                    subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FactorList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an uploaded CSV file (or one at a URL): queues a job and answers at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ImportRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportAccepted"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job history: the jobs the caller may see, newest first */
        get: {
            parameters: {
                query?: {
                    kind?: "import" | "recalculate" | "aggregate" | "registry-sync";
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                    pipelineId?: string;
                    /** @description Sort field, `-` prefix for descending: createdAt, updatedAt, state, kind */
                    sort?: "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "state" | "-state" | "kind" | "-kind";
                    state?: "queued" | "running" | "succeeded" | "warning" | "failed" | "cancelled";
                    target?: string;
                    unitId?: string;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JobList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job: state, phase, progress, counts, error and links to its files */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Cancel a queued or running job */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/error-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the error report: the rejected rows with a reason (redirect) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a failed or cancelled job again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/source-file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the source file of an import (redirect) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live changes of the jobs the caller may see (Server-Sent Events)
         * @description Each event is `job` with the job as its data and its event number as `id`. Reconnecting with `Last-Event-ID` first replays the jobs changed since that event. Browsers send the access token with `fetch` (EventSource cannot set headers).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                406: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/airports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find airports by IATA code, name or city (fuzzy) */
        get: {
            parameters: {
                query: {
                    limit?: number;
                    /** @description IATA code, airport or city name; typos tolerated */
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AirportList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/facilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The research facility register of a year */
        get: {
            parameters: {
                query: {
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResearchFacilityList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/stations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find railway stations by name (fuzzy), optionally in one country */
        get: {
            parameters: {
                query: {
                    country?: string;
                    limit?: number;
                    /** @description IATA code, airport or city name; typos tolerated */
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StationList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pull units and role assignments from the registry now (queues a job) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncAccepted"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporting/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units of your subtree with their year’s status and totals; `format=csv|json` exports all */
        get: {
            parameters: {
                query: {
                    /** @description Only units in the subtree of this unit */
                    affiliation?: string;
                    /** @description Export every matching unit instead of a page */
                    format?: "json" | "csv";
                    level?: number;
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                    q?: string;
                    /** @description Sort field, `-` prefix for descending: code, nameEn, nameFr, totalKgCo2eq, perFteKgCo2eq, completion */
                    sort?: "code" | "-code" | "nameEn" | "-nameEn" | "nameFr" | "-nameFr" | "totalKgCo2eq" | "-totalKgCo2eq" | "perFteKgCo2eq" | "-perFteKgCo2eq" | "completion" | "-completion";
                    status?: "not_started" | "in_progress" | "validated";
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportingList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their roles and their permission map */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Sign out: revokes the session’s refresh tokens and clears the cookie */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage/{namespace}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a file from a signed URL of the embedded store */
        get: {
            parameters: {
                query?: {
                    /** @description Unix time after which the URL is refused */
                    expires?: string;
                    /** @description GET: the name to save the file under */
                    filename?: string;
                    /** @description HMAC of the above, the method and the key */
                    signature?: string;
                    /** @description PUT: the exact body length in bytes */
                    size?: string;
                    /** @description PUT: the required Content-Type; GET: the one served */
                    type?: string;
                };
                header?: never;
                path: {
                    name: string;
                    namespace: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file, as an attachment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Upload a file to a signed URL of the embedded store (from POST /uploads)
         * @description Send exactly the signed number of bytes with the signed `Content-Type`. The body must be UTF-8 text.
         */
        put: {
            parameters: {
                query?: {
                    /** @description Unix time after which the URL is refused */
                    expires?: string;
                    /** @description GET: the name to save the file under */
                    filename?: string;
                    /** @description HMAC of the above, the method and the key */
                    signature?: string;
                    /** @description PUT: the exact body length in bytes */
                    size?: string;
                    /** @description PUT: the required Content-Type; GET: the one served */
                    type?: string;
                };
                header?: never;
                path: {
                    name: string;
                    namespace: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness, queue depth per job kind, running jobs and recent failures */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SystemStatus"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV formats that can be imported, with their columns and rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CsvTemplateList"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{name}.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CSV template of a format: the field rules as # comment lines, the header, an example row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A sub-module id (module data), `factors-<set>`, `units`, `role-assignments`, `airports`, `railway-stations`, `building-rooms`, `research-facilities` or `exchange-rates` */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description UTF-8 CSV with a byte-order mark, CRLF line breaks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the units you may see */
        get: {
            parameters: {
                query?: {
                    /** @description Only active (`true`) or inactive (`false`) units */
                    active?: string;
                    level?: number;
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                    /** @description Only the direct children of this unit */
                    parent?: string;
                    /** @description Text in the code or either name; case and accents are ignored */
                    q?: string;
                    /** @description Sort field, `-` prefix for descending: code, nameEn, nameFr, level */
                    sort?: "code" | "-code" | "nameEn" | "-nameEn" | "nameFr" | "-nameFr" | "level" | "-level";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnitList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit with its ancestors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnitDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give `standard` in the unit to the account with this e-mail (principals: delegation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    unitId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AddMemberInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/years/{year}/modules/{module}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rows of a module of a unit’s year (standard users: their own) */
        get: {
            parameters: {
                query?: {
                    /** @description Only rows with (or without) flags */
                    flagged?: string;
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                    /** @description Rows whose fields or note contain this text (case-insensitive) */
                    q?: string;
                    /** @description Sort field, `-` prefix for descending: createdAt, kgCo2eq */
                    sort?: "createdAt" | "-createdAt" | "kgCo2eq" | "-kgCo2eq";
                    subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
                };
                header?: never;
                path: {
                    module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EntryList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a row; the response carries its computed emissions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EntryWriteInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Entry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/years/{year}/modules/{module}/entries.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sub-module’s rows as CSV: its template’s columns, then the emission, flags and source */
        get: {
            parameters: {
                query: {
                    /** @description The sub-module whose rows to export (one CSV each) */
                    subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
                };
                header?: never;
                path: {
                    module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/years/{year}/modules/{module}/entries/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a row; emissions and sums are recomputed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                    module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EntryWriteInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Entry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a row */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                    module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/years/{year}/modules/{module}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Validate a module (principals), or set it back in progress */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ModuleStatusInput"];
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/years/{year}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit’s report of a year: status, completion, modules with their totals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{unitId}/years/{year}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Results of the validated modules: totals, per FTE, previous year, evolution */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    unitId: string;
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Results"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a signed URL to send a CSV file to storage, for an import
         * @description PUT the file to `url` with `method` and exactly `headers`, before `expiresAt`; then name it by `key` in the import. The file must be CSV or text (UTF-8).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UploadRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadTicket"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admins: all; principals: the members of their units) */
        get: {
            parameters: {
                query?: {
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                    /** @description Text in the e-mail or the name */
                    q?: string;
                    role?: "standard" | "principal" | "backoffice" | "admin";
                    /** @description Sort field, `-` prefix for descending: email, displayName, lastLoginAt */
                    sort?: "email" | "-email" | "displayName" | "-displayName" | "lastLoginAt" | "-lastLoginAt";
                    /** @description Only users holding a role in this unit */
                    unitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user with their roles and where each came from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the app-granted roles you manage (admins: any; principals: standard in their units) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetRolesInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reporting years and their module settings (open years only, but for admins) */
        get: {
            parameters: {
                query?: {
                    /** @description Page number, from 1 */
                    page?: number;
                    /** @description Items per page (at most 1000) */
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["YearList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One year */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Year"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Create or configure a year: open it, goals, module settings (admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutYearInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Year"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/years/{year}/calculation-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Factors and reference data of a sub-module’s calculation, for previews in the browser */
        get: {
            parameters: {
                query: {
                    subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
                };
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalculationData"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database and object storage answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                [key: string]: "ok" | "failed";
                            };
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                [key: string]: "ok" | "failed";
                            };
                            detail: string;
                            errors?: {
                                message: string;
                                /** @description Where the error is, e.g. `query.pageSize` or `body.items.0.name` */
                                path: string;
                            }[];
                            instance: string;
                            requestId: string;
                            status: number;
                            title: string;
                            type: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessToken: {
            /** @description Send as `Authorization: Bearer <token>` */
            accessToken: string;
            /** @description Seconds until the token expires; refresh before */
            expiresIn: number;
            /** @constant */
            tokenType: "Bearer";
        };
        AccessTokenInput: {
            /** @description Send as `Authorization: Bearer <token>` */
            accessToken: string;
            /** @description Seconds until the token expires; refresh before */
            expiresIn: number;
            /** @constant */
            tokenType: "Bearer";
        };
        AddMember: {
            /**
             * Format: email
             * @description The e-mail address of an existing account
             */
            email: string;
        };
        AddMemberInput: {
            /** @description The e-mail address of an existing account */
            email: string;
        };
        Airport: {
            city: string | null;
            country: string;
            iata: string;
            latitude: number;
            longitude: number;
            name: string;
        };
        AirportInput: {
            city: string | null;
            country: string;
            iata: string;
            latitude: number;
            longitude: number;
            name: string;
        };
        AirportList: {
            items: components["schemas"]["Airport"][];
        };
        AirportListInput: {
            items: components["schemas"]["AirportInput"][];
        };
        AuditList: {
            items: components["schemas"]["AuditRecord"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        AuditListInput: {
            items: components["schemas"]["AuditRecordInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        AuditRecord: {
            action: string;
            actorId: string | null;
            actorLabel: string | null;
            after: unknown;
            before: unknown;
            details: unknown;
            id: number;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            requestId: string | null;
            targetId: string | null;
            targetType: string | null;
            userAgent: string | null;
        };
        AuditRecordInput: {
            action: string;
            actorId: string | null;
            actorLabel: string | null;
            after: unknown;
            before: unknown;
            details: unknown;
            id: number;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            requestId: string | null;
            targetId: string | null;
            targetType: string | null;
            userAgent: string | null;
        };
        AuditVerification: {
            /** @description Records checked, from the first */
            checked: number;
            firstBrokenId: number | null;
            /** @description A record changed, a link to its predecessor broken, or a record missing */
            reason: ("hash-mismatch" | "link-mismatch" | "gap") | null;
            valid: boolean;
        };
        AuditVerificationInput: {
            /** @description Records checked, from the first */
            checked: number;
            firstBrokenId: number | null;
            /** @description A record changed, a link to its predecessor broken, or a record missing */
            reason: ("hash-mismatch" | "link-mismatch" | "gap") | null;
            valid: boolean;
        };
        AuthProviders: {
            /** @description Sign-in with e-mail and password is available */
            local: boolean;
            /** @description Single sign-on with the institution, when configured */
            oidc: {
                label: string;
                loginUrl: string;
            } | null;
        };
        AuthProvidersInput: {
            /** @description Sign-in with e-mail and password is available */
            local: boolean;
            /** @description Single sign-on with the institution, when configured */
            oidc: {
                label: string;
                loginUrl: string;
            } | null;
        };
        CalculationData: {
            /** @description The research facilities of the year with their footprint (research facilities only) */
            facilities: {
                computing: boolean;
                kgCo2eq: number;
                name: string;
                totalUse: number;
            }[];
            /** @description The current (not stale) factors of the sets the sub-module’s calculation reads */
            factors: {
                classification: {
                    [key: string]: string;
                };
                emissionType: string | null;
                factorSet: string;
                id: string;
                source: string;
                unit: string;
                values: {
                    [key: string]: number | null;
                };
                year: number;
            }[];
            /** @description The building rooms register (the rooms sub-module only) */
            rooms: {
                areaM2: number;
                building: string;
                room: string;
                roomType: string;
            }[];
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /** @description The year’s average exchange rates (purchases, cloud and AI only) */
            unitsPerEur: {
                [key: string]: number;
            };
            year: number;
        };
        CalculationDataInput: {
            /** @description The research facilities of the year with their footprint (research facilities only) */
            facilities: {
                computing: boolean;
                kgCo2eq: number;
                name: string;
                totalUse: number;
            }[];
            /** @description The current (not stale) factors of the sets the sub-module’s calculation reads */
            factors: {
                classification: {
                    [key: string]: string;
                };
                emissionType: string | null;
                factorSet: string;
                id: string;
                source: string;
                unit: string;
                values: {
                    [key: string]: number | null;
                };
                year: number;
            }[];
            /** @description The building rooms register (the rooms sub-module only) */
            rooms: {
                areaM2: number;
                building: string;
                room: string;
                roomType: string;
            }[];
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /** @description The year’s average exchange rates (purchases, cloud and AI only) */
            unitsPerEur: {
                [key: string]: number;
            };
            year: number;
        };
        CsvColumn: {
            default?: string | number | boolean;
            description: string;
            exclusiveMaximum?: number;
            exclusiveMinimum?: number;
            maximum?: number;
            maxLength?: number;
            minimum?: number;
            minLength?: number;
            /** @description The header cell (matched ignoring case) */
            name: string;
            pattern?: string;
            required: boolean;
            /** @description The rule in words, as the template’s comment line shows it */
            rule: string;
            /** @enum {string} */
            type: "text" | "number" | "integer" | "boolean" | "date";
            /** @description The only values allowed */
            values?: string[];
        };
        CsvColumnInput: {
            default?: string | number | boolean;
            description: string;
            exclusiveMaximum?: number;
            exclusiveMinimum?: number;
            maximum?: number;
            maxLength?: number;
            minimum?: number;
            minLength?: number;
            /** @description The header cell (matched ignoring case) */
            name: string;
            pattern?: string;
            required: boolean;
            /** @description The rule in words, as the template’s comment line shows it */
            rule: string;
            /** @enum {string} */
            type: "text" | "number" | "integer" | "boolean" | "date";
            /** @description The only values allowed */
            values?: string[];
        };
        CsvTemplate: {
            columns: components["schemas"]["CsvColumn"][];
            entryType?: string;
            factorSet?: string;
            /** @description Where to download the template */
            href: string;
            /** @enum {string} */
            module?: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            /** @description The format name: the template is `/api/v1/templates/{name}.csv` */
            name: string;
            /** @enum {string} */
            subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /** @description Sub-modules whose rows it holds, or whose calculation reads the factor set */
            subModules: ("members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants")[];
            /** @enum {string} */
            target: "module-data" | "factors" | "units" | "role-assignments" | "airports" | "railway-stations" | "building-rooms" | "research-facilities" | "exchange-rates";
            title: string;
        };
        CsvTemplateInput: {
            columns: components["schemas"]["CsvColumnInput"][];
            entryType?: string;
            factorSet?: string;
            /** @description Where to download the template */
            href: string;
            /** @enum {string} */
            module?: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            /** @description The format name: the template is `/api/v1/templates/{name}.csv` */
            name: string;
            /** @enum {string} */
            subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /** @description Sub-modules whose rows it holds, or whose calculation reads the factor set */
            subModules: ("members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants")[];
            /** @enum {string} */
            target: "module-data" | "factors" | "units" | "role-assignments" | "airports" | "railway-stations" | "building-rooms" | "research-facilities" | "exchange-rates";
            title: string;
        };
        CsvTemplateList: {
            items: components["schemas"]["CsvTemplate"][];
        };
        CsvTemplateListInput: {
            items: components["schemas"]["CsvTemplateInput"][];
        };
        Emission: {
            category: string;
            emissionType: string;
            factorIds: string[];
            kgCo2eq: number;
            quantity: number | null;
            quantityUnit: string | null;
            scope: number;
        };
        EmissionInput: {
            category: string;
            emissionType: string;
            factorIds: string[];
            kgCo2eq: number;
            quantity: number | null;
            quantityUnit: string | null;
            scope: number;
        };
        Entry: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            emissions: components["schemas"]["Emission"][];
            entryType: string;
            fields: {
                [key: string]: unknown;
            };
            flags: components["schemas"]["EntryFlag"][];
            /** Format: uuid */
            id: string;
            kgCo2eq: number;
            kgCo2eqOverride: number | null;
            /** @enum {string} */
            module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            note: string | null;
            /** @description Whether the caller may not change this row */
            readOnly: boolean;
            /** @enum {string} */
            source: "manual" | "backoffice-csv" | "unit-csv" | "api-feed" | "computed";
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /** Format: date-time */
            updatedAt: string;
        };
        EntryFlag: {
            code: string;
            message: string;
        } & {
            [key: string]: unknown;
        };
        EntryFlagInput: {
            code: string;
            message: string;
        } & {
            [key: string]: unknown;
        };
        EntryInput: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            emissions: components["schemas"]["EmissionInput"][];
            entryType: string;
            fields: {
                [key: string]: unknown;
            };
            flags: components["schemas"]["EntryFlagInput"][];
            /** Format: uuid */
            id: string;
            kgCo2eq: number;
            kgCo2eqOverride: number | null;
            /** @enum {string} */
            module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            note: string | null;
            /** @description Whether the caller may not change this row */
            readOnly: boolean;
            /** @enum {string} */
            source: "manual" | "backoffice-csv" | "unit-csv" | "api-feed" | "computed";
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /** Format: date-time */
            updatedAt: string;
        };
        EntryList: {
            items: components["schemas"]["Entry"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
            /** @description Sum over all matching rows, on all pages */
            totalKgCo2eq: number;
        };
        EntryListInput: {
            items: components["schemas"]["EntryInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
            /** @description Sum over all matching rows, on all pages */
            totalKgCo2eq: number;
        };
        EntryWrite: {
            /** @description The fields of the sub-module’s data-entry type (see the CSV templates) */
            fields: {
                [key: string]: unknown;
            };
            /** @description Overrides the formula when given */
            kgCo2eq?: number | null;
            note?: string | null;
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
        };
        EntryWriteInput: {
            /** @description The fields of the sub-module’s data-entry type (see the CSV templates) */
            fields: {
                [key: string]: unknown;
            };
            /** @description Overrides the formula when given */
            kgCo2eq?: number | null;
            note?: string | null;
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
        };
        Factor: {
            citation: string | null;
            classification: {
                [key: string]: string;
            };
            emissionType: string | null;
            factorSet: string;
            /** Format: uuid */
            id: string;
            source: string;
            /** @description Missing from the latest import of its set */
            stale: boolean;
            unit: string;
            values: {
                [key: string]: number | null;
            };
            year: number;
        };
        FactorInput: {
            citation: string | null;
            classification: {
                [key: string]: string;
            };
            emissionType: string | null;
            factorSet: string;
            /** Format: uuid */
            id: string;
            source: string;
            /** @description Missing from the latest import of its set */
            stale: boolean;
            unit: string;
            values: {
                [key: string]: number | null;
            };
            year: number;
        };
        FactorList: {
            items: components["schemas"]["Factor"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        FactorListInput: {
            items: components["schemas"]["FactorInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        FactorOptions: {
            /** @description Per factor set, per classification key: the values a row may choose */
            options: {
                [key: string]: {
                    [key: string]: string[];
                };
            };
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            year: number;
        };
        FactorOptionsInput: {
            /** @description Per factor set, per classification key: the values a row may choose */
            options: {
                [key: string]: {
                    [key: string]: string[];
                };
            };
            /** @enum {string} */
            subModule: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            year: number;
        };
        ImportAccepted: {
            jobId: string;
            links: {
                events: string;
                job: string;
            };
            pipelineId: string;
        };
        ImportAcceptedInput: {
            jobId: string;
            links: {
                events: string;
                job: string;
            };
            pipelineId: string;
        };
        ImportRequest: {
            /**
             * @description Factors: the set the file holds (format `factors-<set>`)
             * @enum {string}
             */
            factorSet?: "plane" | "train" | "headcount-staff" | "headcount-students" | "electricity" | "equipment" | "purchases" | "purchases-unspsc" | "centralised-purchases" | "cloud" | "ai" | "ai-bands" | "process-gases" | "refrigerants" | "building-energy" | "building-heating" | "heat" | "embodied" | "combustion" | "equivalents";
            /**
             * @description Inside a unit: add to its CSV rows, or replace them (manual rows are kept)
             * @default replace
             * @enum {string}
             */
            mode: "replace" | "append";
            /**
             * @description Module data: the module of `subModule`, if given, must be its module
             * @enum {string}
             */
            module?: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            /**
             * Format: uri
             * @description Back-office targets: fetch the file from this http(s) URL instead of an upload (a factor set or exchange rates where their source publishes them); its host must be listed in IMPORT_SOURCE_HOSTS
             */
            sourceUrl?: string;
            /**
             * @description Module data: the sub-module of the rows. Factors: instead of `factorSet`, a sub-module whose calculation reads exactly one set
             * @enum {string}
             */
            subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /**
             * @description `module-data-all`: one sub-module of every unit (a `unitCode` column), replacing the earlier back-office rows; `module-data-unit`: one sub-module of the unit `unitId`; `factors`: one factor set (`factorSet`) of a year; `exchange-rates`, `research-facilities`: those of a year; `airports`, `railway-stations`, `building-rooms`, `units`, `role-assignments`: no year (see docs/csv-formats.md)
             * @enum {string}
             */
            target: "module-data-all" | "module-data-unit" | "factors" | "exchange-rates" | "research-facilities" | "airports" | "railway-stations" | "building-rooms" | "units" | "role-assignments";
            /** Format: uuid */
            unitId?: string;
            /** @description The `key` returned by POST /uploads; or `sourceUrl` instead */
            uploadKey?: string;
            /** @description Required for module data, factors, exchange rates and research facilities; ignored by the other targets */
            year?: number;
        };
        ImportRequestInput: {
            /**
             * @description Factors: the set the file holds (format `factors-<set>`)
             * @enum {string}
             */
            factorSet?: "plane" | "train" | "headcount-staff" | "headcount-students" | "electricity" | "equipment" | "purchases" | "purchases-unspsc" | "centralised-purchases" | "cloud" | "ai" | "ai-bands" | "process-gases" | "refrigerants" | "building-energy" | "building-heating" | "heat" | "embodied" | "combustion" | "equivalents";
            /**
             * @description Inside a unit: add to its CSV rows, or replace them (manual rows are kept)
             * @default replace
             * @enum {string}
             */
            mode: "replace" | "append";
            /**
             * @description Module data: the module of `subModule`, if given, must be its module
             * @enum {string}
             */
            module?: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            /**
             * Format: uri
             * @description Back-office targets: fetch the file from this http(s) URL instead of an upload (a factor set or exchange rates where their source publishes them); its host must be listed in IMPORT_SOURCE_HOSTS
             */
            sourceUrl?: string;
            /**
             * @description Module data: the sub-module of the rows. Factors: instead of `factorSet`, a sub-module whose calculation reads exactly one set
             * @enum {string}
             */
            subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            /**
             * @description `module-data-all`: one sub-module of every unit (a `unitCode` column), replacing the earlier back-office rows; `module-data-unit`: one sub-module of the unit `unitId`; `factors`: one factor set (`factorSet`) of a year; `exchange-rates`, `research-facilities`: those of a year; `airports`, `railway-stations`, `building-rooms`, `units`, `role-assignments`: no year (see docs/csv-formats.md)
             * @enum {string}
             */
            target: "module-data-all" | "module-data-unit" | "factors" | "exchange-rates" | "research-facilities" | "airports" | "railway-stations" | "building-rooms" | "units" | "role-assignments";
            /** Format: uuid */
            unitId?: string;
            /** @description The `key` returned by POST /uploads; or `sourceUrl` instead */
            uploadKey?: string;
            /** @description Required for module data, factors, exchange rates and research facilities; ignored by the other targets */
            year?: number;
        };
        Job: {
            attempts: number;
            counts: components["schemas"]["JobCounts"];
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            error: string | null;
            /** @description The factor set a factors import loaded */
            factorSet: string | null;
            filename: string | null;
            finishedAt: string | null;
            /** @description Last renewal of the running job’s lease by the worker holding it */
            heartbeatAt: string | null;
            id: string;
            /** @enum {string} */
            kind: "import" | "recalculate" | "aggregate" | "registry-sync";
            links: {
                /** @description Rejected rows with a reason (CSV) */
                errorReport: string | null;
                sourceFile: string | null;
            };
            mode: string | null;
            module: string | null;
            nextRetryAt: string | null;
            phase: ("upload" | "parse" | "load" | "calculate" | "aggregate") | null;
            /** @description The first job of the chain: import → recalculate → aggregate */
            pipelineId: string;
            rowsDone: number;
            rowsTotal: number | null;
            /** @description The URL a back-office import fetched its file from (none: an upload) */
            sourceUrl: string | null;
            startedAt: string | null;
            /** @enum {string} */
            state: "queued" | "running" | "succeeded" | "warning" | "failed" | "cancelled";
            subModule: string | null;
            target: string | null;
            unitId: string | null;
            /** Format: date-time */
            updatedAt: string;
            year: number | null;
        };
        JobCounts: {
            /** @description Units the file left out, deactivated */
            deactivated?: number;
            inserted?: number;
            read?: number;
            /** @description CSV role assignments the file no longer lists */
            revoked?: number;
            skipped?: number;
            /** @description Factors of the set the file left out, flagged stale */
            stale?: number;
            updated?: number;
            withFactor?: number;
            withoutFactor?: number;
        };
        JobCountsInput: {
            /** @description Units the file left out, deactivated */
            deactivated?: number;
            inserted?: number;
            read?: number;
            /** @description CSV role assignments the file no longer lists */
            revoked?: number;
            skipped?: number;
            /** @description Factors of the set the file left out, flagged stale */
            stale?: number;
            updated?: number;
            withFactor?: number;
            withoutFactor?: number;
        };
        JobInput: {
            attempts: number;
            counts: components["schemas"]["JobCountsInput"];
            /** Format: date-time */
            createdAt: string;
            createdBy: string | null;
            error: string | null;
            /** @description The factor set a factors import loaded */
            factorSet: string | null;
            filename: string | null;
            finishedAt: string | null;
            /** @description Last renewal of the running job’s lease by the worker holding it */
            heartbeatAt: string | null;
            id: string;
            /** @enum {string} */
            kind: "import" | "recalculate" | "aggregate" | "registry-sync";
            links: {
                /** @description Rejected rows with a reason (CSV) */
                errorReport: string | null;
                sourceFile: string | null;
            };
            mode: string | null;
            module: string | null;
            nextRetryAt: string | null;
            phase: ("upload" | "parse" | "load" | "calculate" | "aggregate") | null;
            /** @description The first job of the chain: import → recalculate → aggregate */
            pipelineId: string;
            rowsDone: number;
            rowsTotal: number | null;
            /** @description The URL a back-office import fetched its file from (none: an upload) */
            sourceUrl: string | null;
            startedAt: string | null;
            /** @enum {string} */
            state: "queued" | "running" | "succeeded" | "warning" | "failed" | "cancelled";
            subModule: string | null;
            target: string | null;
            unitId: string | null;
            /** Format: date-time */
            updatedAt: string;
            year: number | null;
        };
        JobList: {
            items: components["schemas"]["Job"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        JobListInput: {
            items: components["schemas"]["JobInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        LoginRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        LoginRequestInput: {
            /** Format: email */
            email: string;
            password: string;
        };
        LoginResponse: {
            /** @description Send as `Authorization: Bearer <token>` */
            accessToken: string;
            /** @description Seconds until the token expires; refresh before */
            expiresIn: number;
            /** @constant */
            tokenType: "Bearer";
            user: components["schemas"]["SessionUser"];
        };
        LoginResponseInput: {
            /** @description Send as `Authorization: Bearer <token>` */
            accessToken: string;
            /** @description Seconds until the token expires; refresh before */
            expiresIn: number;
            /** @constant */
            tokenType: "Bearer";
            user: components["schemas"]["SessionUserInput"];
        };
        ModuleStatus: {
            /** @enum {string} */
            status: "in_progress" | "validated";
        };
        ModuleStatusInput: {
            /** @enum {string} */
            status: "in_progress" | "validated";
        };
        /** @description RFC 9457 problem details */
        Problem: {
            detail: string;
            errors?: {
                message: string;
                /** @description Where the error is, e.g. `query.pageSize` or `body.items.0.name` */
                path: string;
            }[];
            instance: string;
            requestId: string;
            status: number;
            title: string;
            type: string;
        };
        /** @description RFC 9457 problem details */
        ProblemInput: {
            detail: string;
            errors?: {
                message: string;
                /** @description Where the error is, e.g. `query.pageSize` or `body.items.0.name` */
                path: string;
            }[];
            instance: string;
            requestId: string;
            status: number;
            title: string;
            type: string;
        };
        PutYear: {
            /** @description Creating a year: start from this year’s module settings and goals */
            copyFrom?: number;
            /** @description Module settings; omitted modules keep theirs (new years: enabled, all sub-modules) */
            modules?: components["schemas"]["YearModule"][];
            open: boolean;
            /** @description Omitted: kept (a new year: those of `copyFrom`, else none) */
            reductionGoals?: {
                /** @description Reduction from the reference year, in % */
                percent: number;
                referenceYear: number;
                targetYear: number;
            }[];
        };
        PutYearInput: {
            /** @description Creating a year: start from this year’s module settings and goals */
            copyFrom?: number;
            /** @description Module settings; omitted modules keep theirs (new years: enabled, all sub-modules) */
            modules?: components["schemas"]["YearModuleInput"][];
            open: boolean;
            /** @description Omitted: kept (a new year: those of `copyFrom`, else none) */
            reductionGoals?: {
                /** @description Reduction from the reference year, in % */
                percent: number;
                referenceYear: number;
                targetYear: number;
            }[];
        };
        RecalculationAccepted: {
            /** Format: uuid */
            jobId: string;
            /** Format: uuid */
            pipelineId: string;
        };
        RecalculationAcceptedInput: {
            /** Format: uuid */
            jobId: string;
            /** Format: uuid */
            pipelineId: string;
        };
        RecalculationRequest: {
            /**
             * @description Only this sub-module’s rows; none: all
             * @enum {string}
             */
            subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            year: number;
        };
        RecalculationRequestInput: {
            /**
             * @description Only this sub-module’s rows; none: all
             * @enum {string}
             */
            subModule?: "members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants";
            year: number;
        };
        Report: {
            completion: {
                enabled: number;
                validated: number;
            };
            fte: number | null;
            modules: {
                /** @description kg CO₂-eq of each emission type of the module, validated or not */
                byEmissionType: {
                    [key: string]: number;
                };
                entries: number;
                flagged: number;
                /** @enum {string} */
                module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                /** @enum {string} */
                status: "not_started" | "in_progress" | "validated";
                totalKgCo2eq: number;
            }[];
            /** @enum {string} */
            status: "not_started" | "in_progress" | "validated";
            /** @description All modules, validated or not */
            totalKgCo2eq: number;
            /** Format: uuid */
            unitId: string;
            /** @description Validated modules only: what results show */
            validatedKgCo2eq: number;
            year: number;
        };
        ReportingList: {
            items: components["schemas"]["ReportingRow"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        ReportingListInput: {
            items: components["schemas"]["ReportingRowInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        ReportingRow: {
            code: string;
            /** @description Summed over the labs counted */
            enabledModules: number;
            fte: number | null;
            /** @description The labs counted: a lab itself; for a faculty or an institute, those under it */
            labs: number;
            level: number;
            nameEn: string;
            nameFr: string;
            perFteKgCo2eq: number | null;
            /** @description The same for the year before; null when none of the labs had a report then */
            previousYearKgCo2eq: number | null;
            /**
             * @description Of a faculty or an institute: validated when every lab is, started when one is
             * @enum {string}
             */
            status: "not_started" | "in_progress" | "validated";
            topCategory: string | null;
            /** @description Validated modules only, summed over the labs counted */
            totalKgCo2eq: number;
            /** Format: uuid */
            unitId: string;
            /** @description Summed over the labs counted */
            validatedModules: number;
        };
        ReportingRowInput: {
            code: string;
            /** @description Summed over the labs counted */
            enabledModules: number;
            fte: number | null;
            /** @description The labs counted: a lab itself; for a faculty or an institute, those under it */
            labs: number;
            level: number;
            nameEn: string;
            nameFr: string;
            perFteKgCo2eq: number | null;
            /** @description The same for the year before; null when none of the labs had a report then */
            previousYearKgCo2eq: number | null;
            /**
             * @description Of a faculty or an institute: validated when every lab is, started when one is
             * @enum {string}
             */
            status: "not_started" | "in_progress" | "validated";
            topCategory: string | null;
            /** @description Validated modules only, summed over the labs counted */
            totalKgCo2eq: number;
            /** Format: uuid */
            unitId: string;
            /** @description Summed over the labs counted */
            validatedModules: number;
        };
        ReportInput: {
            completion: {
                enabled: number;
                validated: number;
            };
            fte: number | null;
            modules: {
                /** @description kg CO₂-eq of each emission type of the module, validated or not */
                byEmissionType: {
                    [key: string]: number;
                };
                entries: number;
                flagged: number;
                /** @enum {string} */
                module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
                /** @enum {string} */
                status: "not_started" | "in_progress" | "validated";
                totalKgCo2eq: number;
            }[];
            /** @enum {string} */
            status: "not_started" | "in_progress" | "validated";
            /** @description All modules, validated or not */
            totalKgCo2eq: number;
            /** Format: uuid */
            unitId: string;
            /** @description Validated modules only: what results show */
            validatedKgCo2eq: number;
            year: number;
        };
        ResearchFacility: {
            /** @description A computing facility: its shares count in the IT focus */
            computing: boolean;
            name: string;
            /** @description The total use of the year its footprint is shared by */
            totalUse: number;
            /** @description The facility's own unit, whose report is its footprint */
            unitId: string | null;
            /** @description The unit the use of the facility is counted in */
            useUnit: string;
        };
        ResearchFacilityInput: {
            /** @description A computing facility: its shares count in the IT focus */
            computing: boolean;
            name: string;
            /** @description The total use of the year its footprint is shared by */
            totalUse: number;
            /** @description The facility's own unit, whose report is its footprint */
            unitId: string | null;
            /** @description The unit the use of the facility is counted in */
            useUnit: string;
        };
        ResearchFacilityList: {
            items: components["schemas"]["ResearchFacility"][];
        };
        ResearchFacilityListInput: {
            items: components["schemas"]["ResearchFacilityInput"][];
        };
        Results: {
            byCategory: {
                [key: string]: number;
            };
            byEmissionType: {
                [key: string]: number;
            };
            byModule: {
                [key: string]: number;
            };
            byScope: {
                [key: string]: number;
            };
            /** @description Null when the year has no car factor */
            carKmEquivalent: number | null;
            evolution: {
                totalKgCo2eq: number;
                year: number;
            }[];
            fte: number | null;
            itFocusKgCo2eq: number;
            perFteKgCo2eq: number | null;
            previousYear: {
                changePercent: number | null;
                totalKgCo2eq: number;
                year: number;
            } | null;
            /** @description Validated modules only */
            totalKgCo2eq: number;
            totalTCo2eq: number;
            /** Format: uuid */
            unitId: string;
            validatedModules: ("headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions")[];
            year: number;
        };
        ResultsInput: {
            byCategory: {
                [key: string]: number;
            };
            byEmissionType: {
                [key: string]: number;
            };
            byModule: {
                [key: string]: number;
            };
            byScope: {
                [key: string]: number;
            };
            /** @description Null when the year has no car factor */
            carKmEquivalent: number | null;
            evolution: {
                totalKgCo2eq: number;
                year: number;
            }[];
            fte: number | null;
            itFocusKgCo2eq: number;
            perFteKgCo2eq: number | null;
            previousYear: {
                changePercent: number | null;
                totalKgCo2eq: number;
                year: number;
            } | null;
            /** @description Validated modules only */
            totalKgCo2eq: number;
            totalTCo2eq: number;
            /** Format: uuid */
            unitId: string;
            validatedModules: ("headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions")[];
            year: number;
        };
        Session: {
            /** @description `<resource>[/<scope>]` → actions; see docs/permissions.md */
            permissions: {
                [key: string]: ("view" | "edit" | "export" | "sync" | "validate")[];
            };
            roles: {
                /** @enum {string} */
                role: "standard" | "principal" | "backoffice" | "admin";
                /** @description `global`, `unit:<id>` or `subtree:<id>` */
                scope: string;
            }[];
            user: components["schemas"]["SessionUser"];
        };
        SessionInput: {
            /** @description `<resource>[/<scope>]` → actions; see docs/permissions.md */
            permissions: {
                [key: string]: ("view" | "edit" | "export" | "sync" | "validate")[];
            };
            roles: {
                /** @enum {string} */
                role: "standard" | "principal" | "backoffice" | "admin";
                /** @description `global`, `unit:<id>` or `subtree:<id>` */
                scope: string;
            }[];
            user: components["schemas"]["SessionUserInput"];
        };
        SessionUser: {
            displayName: string;
            email: string;
            /** Format: uuid */
            id: string;
        };
        SessionUserInput: {
            displayName: string;
            email: string;
            /** Format: uuid */
            id: string;
        };
        SetRoles: {
            /** @description The complete list of app-granted roles the caller manages for this user: missing ones are revoked, new ones granted. Roles from the IdP, the registry or CSV are untouched. */
            roles: ({
                /** @constant */
                role: "admin";
            } | {
                /** @enum {string} */
                role: "standard" | "principal" | "backoffice";
                /** Format: uuid */
                unitId: string;
            })[];
        };
        SetRolesInput: {
            /** @description The complete list of app-granted roles the caller manages for this user: missing ones are revoked, new ones granted. Roles from the IdP, the registry or CSV are untouched. */
            roles: ({
                /** @constant */
                role: "admin";
            } | {
                /** @enum {string} */
                role: "standard" | "principal" | "backoffice";
                /** Format: uuid */
                unitId: string;
            })[];
        };
        Station: {
            country: string;
            latitude: number;
            longitude: number;
            name: string;
        };
        StationInput: {
            country: string;
            latitude: number;
            longitude: number;
            name: string;
        };
        StationList: {
            items: components["schemas"]["Station"][];
        };
        StationListInput: {
            items: components["schemas"]["StationInput"][];
        };
        SyncAccepted: {
            jobId: string;
            links: {
                job: string;
            };
        };
        SyncAcceptedInput: {
            jobId: string;
            links: {
                job: string;
            };
        };
        SystemStatus: {
            /** @description The readiness checks of /readyz, with why one failed */
            checks: {
                error: string | null;
                name: string;
                ok: boolean;
            }[];
            queues: {
                failedLast24h: number;
                /** @enum {string} */
                kind: "import" | "recalculate" | "aggregate" | "registry-sync";
                queued: number;
                running: number;
                succeededLast24h: number;
            }[];
            /** @description The last 10 failed jobs */
            recentFailures: components["schemas"]["Job"][];
            /** @description Jobs running now, each held by a worker whose heartbeat renews its lease */
            running: components["schemas"]["Job"][];
        };
        SystemStatusInput: {
            /** @description The readiness checks of /readyz, with why one failed */
            checks: {
                error: string | null;
                name: string;
                ok: boolean;
            }[];
            queues: {
                failedLast24h: number;
                /** @enum {string} */
                kind: "import" | "recalculate" | "aggregate" | "registry-sync";
                queued: number;
                running: number;
                succeededLast24h: number;
            }[];
            /** @description The last 10 failed jobs */
            recentFailures: components["schemas"]["JobInput"][];
            /** @description Jobs running now, each held by a worker whose heartbeat renews its lease */
            running: components["schemas"]["JobInput"][];
        };
        Unit: {
            /** @description Units are deactivated, never deleted */
            active: boolean;
            /** @description Code in the institution’s registry, unique */
            code: string;
            /** Format: uuid */
            id: string;
            /** @description 1 institution, 2 faculty, 3 institute, 4 lab (workspace) */
            level: number;
            nameEn: string;
            nameFr: string;
            parentId: string | null;
            /** @enum {string} */
            type: "organisation" | "lab" | "platform" | "service";
        };
        UnitDetail: {
            /** @description Units are deactivated, never deleted */
            active: boolean;
            /** @description From the institution down to the parent */
            ancestors: components["schemas"]["Unit"][];
            /** @description Code in the institution’s registry, unique */
            code: string;
            /** Format: uuid */
            id: string;
            /** @description 1 institution, 2 faculty, 3 institute, 4 lab (workspace) */
            level: number;
            nameEn: string;
            nameFr: string;
            parentId: string | null;
            /** @enum {string} */
            type: "organisation" | "lab" | "platform" | "service";
        };
        UnitDetailInput: {
            /** @description Units are deactivated, never deleted */
            active: boolean;
            /** @description From the institution down to the parent */
            ancestors: components["schemas"]["UnitInput"][];
            /** @description Code in the institution’s registry, unique */
            code: string;
            /** Format: uuid */
            id: string;
            /** @description 1 institution, 2 faculty, 3 institute, 4 lab (workspace) */
            level: number;
            nameEn: string;
            nameFr: string;
            parentId: string | null;
            /** @enum {string} */
            type: "organisation" | "lab" | "platform" | "service";
        };
        UnitInput: {
            /** @description Units are deactivated, never deleted */
            active: boolean;
            /** @description Code in the institution’s registry, unique */
            code: string;
            /** Format: uuid */
            id: string;
            /** @description 1 institution, 2 faculty, 3 institute, 4 lab (workspace) */
            level: number;
            nameEn: string;
            nameFr: string;
            parentId: string | null;
            /** @enum {string} */
            type: "organisation" | "lab" | "platform" | "service";
        };
        UnitList: {
            items: components["schemas"]["Unit"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        UnitListInput: {
            items: components["schemas"]["UnitInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        UploadRequest: {
            /** @description The file’s media type (`File.type`; empty: taken from the extension) */
            contentType: string;
            /** @description The name of the file, e.g. `travel-2025.csv` */
            filename: string;
            /** @description The file’s exact size in bytes */
            size: number;
        };
        UploadRequestInput: {
            /** @description The file’s media type (`File.type`; empty: taken from the extension) */
            contentType: string;
            /** @description The name of the file, e.g. `travel-2025.csv` */
            filename: string;
            /** @description The file’s exact size in bytes */
            size: number;
        };
        UploadTicket: {
            /**
             * Format: date-time
             * @description The URL is refused after this time
             */
            expiresAt: string;
            headers: {
                [key: string]: string;
            };
            /** @description Names the file in later requests (e.g. `uploadKey` of an import) */
            key: string;
            /** @constant */
            method: "PUT";
            /** @description Send the file here, with `method` and exactly `headers` */
            url: string;
        };
        UploadTicketInput: {
            /**
             * Format: date-time
             * @description The URL is refused after this time
             */
            expiresAt: string;
            headers: {
                [key: string]: string;
            };
            /** @description Names the file in later requests (e.g. `uploadKey` of an import) */
            key: string;
            /** @constant */
            method: "PUT";
            /** @description Send the file here, with `method` and exactly `headers` */
            url: string;
        };
        User: {
            active: boolean;
            displayName: string;
            email: string;
            /** Format: uuid */
            id: string;
            institutionalId: string | null;
            lastLoginAt: string | null;
            roles: components["schemas"]["UserRole"][];
        };
        UserInput: {
            active: boolean;
            displayName: string;
            email: string;
            /** Format: uuid */
            id: string;
            institutionalId: string | null;
            lastLoginAt: string | null;
            roles: components["schemas"]["UserRoleInput"][];
        };
        UserList: {
            items: components["schemas"]["User"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        UserListInput: {
            items: components["schemas"]["UserInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        UserRole: {
            /** @enum {string} */
            role: "standard" | "principal" | "backoffice" | "admin";
            /**
             * @description Who granted it: the IdP, the registry, a CSV or the app
             * @enum {string}
             */
            source: "oidc" | "registry-sync" | "csv" | "app";
            /** @description The unit (subtree root for backoffice); null for admin */
            unitId: string | null;
        };
        UserRoleInput: {
            /** @enum {string} */
            role: "standard" | "principal" | "backoffice" | "admin";
            /**
             * @description Who granted it: the IdP, the registry, a CSV or the app
             * @enum {string}
             */
            source: "oidc" | "registry-sync" | "csv" | "app";
            /** @description The unit (subtree root for backoffice); null for admin */
            unitId: string | null;
        };
        Year: {
            modules: components["schemas"]["YearModule"][];
            /** @description Visible to unit users */
            open: boolean;
            reductionGoals: {
                /** @description Reduction from the reference year, in % */
                percent: number;
                referenceYear: number;
                targetYear: number;
            }[];
            year: number;
        };
        YearInput: {
            modules: components["schemas"]["YearModuleInput"][];
            /** @description Visible to unit users */
            open: boolean;
            reductionGoals: {
                /** @description Reduction from the reference year, in % */
                percent: number;
                referenceYear: number;
                targetYear: number;
            }[];
            year: number;
        };
        YearList: {
            items: components["schemas"]["Year"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        YearListInput: {
            items: components["schemas"]["YearInput"][];
            page: number;
            pageSize: number;
            /** @description Items matching the filters, on all pages */
            total: number;
        };
        YearModule: {
            enabled: boolean;
            /** @enum {string} */
            module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            /** @description Rows above this are flagged */
            outlierThresholdKg: number | null;
            /** @description Enabled sub-modules; null for all of the module’s */
            subModules: ("members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants")[] | null;
            /**
             * @description A sub-module’s own outlier threshold, in place of the module’s
             * @default {}
             */
            subModuleThresholdsKg: {
                [key: string]: number;
            };
            uncertainty: ("low" | "medium" | "high") | null;
        };
        YearModuleInput: {
            enabled: boolean;
            /** @enum {string} */
            module: "headcount" | "professional-travel" | "buildings" | "equipment-electricity" | "purchases" | "research-facilities" | "external-cloud-ai" | "process-emissions";
            /** @description Rows above this are flagged */
            outlierThresholdKg: number | null;
            /** @description Enabled sub-modules; null for all of the module’s */
            subModules: ("members" | "students" | "plane" | "train" | "rooms" | "combustion" | "embodied" | "scientific" | "it" | "other" | "scientific-equipment" | "it-equipment" | "consumables" | "bio-chem-gas" | "services" | "vehicles" | "other-purchases" | "centralised" | "common-facilities" | "animal-facilities" | "cloud" | "ai" | "gases" | "refrigerants")[] | null;
            /**
             * @description A sub-module’s own outlier threshold, in place of the module’s
             * @default {}
             */
            subModuleThresholdsKg: {
                [key: string]: number;
            };
            uncertainty: ("low" | "medium" | "high") | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
