// Generated from the server's OpenAPI document by `npm run gen:api-types`; do not edit.
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Database, queue and version */
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
            'application/json': {
              /** @enum {string} */
              status: 'ok' | 'degraded';
              version: string;
              database: {
                ok: boolean;
                kind: string;
              };
              queue: {
                ok: boolean;
                detail?: string;
              };
              replica?: {
                ok: boolean;
                /** @description WAL bytes written on the primary and not yet replayed on the replica */
                lagBytes: number | null;
                /** @description Seconds since the newest replayed transaction; 0 when caught up */
                lagSeconds: number | null;
                detail?: string;
              };
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'down';
              version: string;
              database: {
                ok: boolean;
                kind: string;
              };
              queue: {
                ok: boolean;
                detail?: string;
              };
              replica?: {
                ok: boolean;
                /** @description WAL bytes written on the primary and not yet replayed on the replica */
                lagBytes: number | null;
                /** @description Seconds since the newest replayed transaction; 0 when caught up */
                lagSeconds: number | null;
                detail?: string;
              };
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
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with username and password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            password: string;
            /** @description Company code, needed only when the username exists in several companies */
            tenant?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              token: string;
              user: components['schemas']['SessionUser'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many failed sign-ins */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out (deletes this session and clears the session cookies) */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user and their effective permissions */
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
            'application/json': {
              data: {
                id: string;
                username: string;
                displayName: string;
                /** @enum {string} */
                role: 'admin' | 'member';
                tenantId: string;
                tenantName: string;
                permissions: components['schemas']['EffectivePermissions'];
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List API keys (never the secrets) */
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
            'application/json': {
              data: components['schemas']['ApiKey'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an API key and its service user; the key is shown only in this answer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            name: string;
            /** Format: date-time */
            expiresAt?: string;
            /**
             * @default member
             * @enum {string}
             */
            role?: 'admin' | 'member';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ApiKey'];
              key: string;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The append-only audit log of a record (or of the tenant, for admins)
     * @description Diffs pass through your field rules: hidden fields are left out, masked ones are masked on both sides. A user’s sign-ins and refused risky operations, and the address and browser of other people’s actions, are shown only to that user and to holders of the view-audit permission.
     */
    get: {
      parameters: {
        query?: {
          recordType?: string;
          recordId?: string;
          limit?: number;
          cursor?: string;
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
            'application/json': {
              data: components['schemas']['AuditEntry'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/recycle-bin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Deleted records awaiting purge (those you deleted; everything with the view-audit permission) */
    get: {
      parameters: {
        query?: {
          type?: string;
          limit?: number;
          cursor?: string;
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
            'application/json': {
              data: components['schemas']['RecycleBinEntry'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/recycle-bin/{type}/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restore a deleted record together with the children deleted with it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          type: string;
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
            'application/json': {
              data: {
                [key: string]: unknown;
              };
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/client-errors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report an uncaught error or a failed save from the app (rate-limited; no personal data is kept) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ClientErrorReportInput'];
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @enum {boolean} */
                accepted: true;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/client-errors/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Client errors grouped by browser, error and screen (support and administrators) */
    get: {
      parameters: {
        query?: {
          days?: number;
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
            'application/json': {
              data: components['schemas']['ClientErrorGroup'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/sync/batch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replay the phone's offline outbox: each operation applied at most once, answered one by one
     * @description At most 100 operations, applied in order. Each answers applied, duplicate (its idempotency key was applied before), conflict (baseVersion is not the current version; `current` holds the server's values) or rejected (`error` says why). Each operation is authorized as the record's own route would authorize it.
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
          'application/json': components['schemas']['SyncBatchInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['SyncResult'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/ocr/business-licence': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Read a business licence photo: name, credit code, legal representative and address, to confirm
     * @description multipart/form-data with one file part named "file" (JPEG, PNG, WebP, HEIC or BMP, at most 10 MB). Nothing is stored. 503 OCR_NOT_CONFIGURED when no provider is set up.
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
          'multipart/form-data': {
            /** Format: binary */
            file: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['BusinessLicenceFields'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/attachments/{id}/variants/{variant}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An image's WebP variant: web (at most 2048 px) or thumb (256 px) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          variant: 'web' | 'thumb';
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
          content?: never;
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
  '/api/v1/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List attachments
     * @description Filter, sort and page attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Attachment'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a file and link it to a record
     * @description multipart/form-data with fields recordType (customer, contact, opportunity, followup, contract, payment, order), recordId, and one file part named "file". Limit: 25 MB.
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
          'multipart/form-data': {
            /** @enum {string} */
            recordType: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** Format: uuid */
            recordId: string;
            /** Format: binary */
            file: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Attachment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description File too large */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/attachments/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download the file */
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
          content?: never;
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
  '/api/v1/tenant': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in company and its settings */
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
            'application/json': {
              data: components['schemas']['Tenant'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change company settings (administrators); every change is audited */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Days a deleted record stays restorable before the daily purge */
            recycleRetentionDays?: number;
            /** @description The 5 essential fields of the phone lite view */
            liteFields?: string[];
            /** @description Delete, export and attachment management never pass down role inheritance; several roles combine as a union of their own grants */
            leastPrivilege?: boolean;
            /** @description Days a new hire stays in the sandbox after the hire date (0 turns it off) */
            sandboxDays?: number;
            /** @description Follow-ups older than this cannot be edited; corrections are appended as amendments */
            followupEditWindowHours?: number;
            /** @description The company's IANA time zone: scheduled pulls and the company's cron schedules run in it */
            timeZone?: string;
            /** @description The oldest app version served: older apps (x-cairn-client) get 426 and upgrade */
            minClientVersion?: string;
            /** @description Keep uploaded images' original files beside their WebP variants (off: the web variant replaces the original) */
            keepImageOriginals?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Tenant'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/tenant/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change company settings (administrators); every change is audited */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Days a deleted record stays restorable before the daily purge */
            recycleRetentionDays?: number;
            /** @description The 5 essential fields of the phone lite view */
            liteFields?: string[];
            /** @description Delete, export and attachment management never pass down role inheritance; several roles combine as a union of their own grants */
            leastPrivilege?: boolean;
            /** @description Days a new hire stays in the sandbox after the hire date (0 turns it off) */
            sandboxDays?: number;
            /** @description Follow-ups older than this cannot be edited; corrections are appended as amendments */
            followupEditWindowHours?: number;
            /** @description The company's IANA time zone: scheduled pulls and the company's cron schedules run in it */
            timeZone?: string;
            /** @description The oldest app version served: older apps (x-cairn-client) get 426 and upgrade */
            minClientVersion?: string;
            /** @description Keep uploaded images' original files beside their WebP variants (off: the web variant replaces the original) */
            keepImageOriginals?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Tenant'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/auth/step-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a step-up confirmation: send a one-time code to your phone
     * @description Needed before deleting attachments, merging customers and batch deletes. The employee number must be yours. The code is valid for 5 minutes; at most 3 codes per 10 minutes.
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
          'application/json': {
            employeeNo: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description The masked phone number, e.g. 138****1234 */
                sentTo: string;
                expiresAt: string;
                provider: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many codes requested */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/auth/step-up/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm the code and get a step-up token
     * @description Send the code from the SMS (5 attempts per code), or from your authenticator app when TOTP is set up. The token is valid for 10 minutes; send it as the x-step-up-token header.
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
          'application/json': {
            code: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                stepUpToken: string;
                expiresAt: string;
                /** @enum {string} */
                method: 'sms' | 'totp';
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Too many wrong codes */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/customers/batch-delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move several customers to the recycle bin (all or nothing)
     * @description Needs a step-up token (x-step-up-token; POST /api/v1/auth/step-up then /verify, send x-step-up-token). Every record is checked like a single delete; the first one that fails aborts the whole batch and the error names its id. Customers that still have contracts are refused: contract deletion needs approval.
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
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                count: number;
                deleted: {
                  id: string;
                  batchId: string;
                  deletedAt: string;
                }[];
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/contacts/batch-delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move several contacts to the recycle bin (all or nothing)
     * @description Needs a step-up token (x-step-up-token; POST /api/v1/auth/step-up then /verify, send x-step-up-token). Every record is checked like a single delete; the first one that fails aborts the whole batch and the error names its id.
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
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                count: number;
                deleted: {
                  id: string;
                  batchId: string;
                  deletedAt: string;
                }[];
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/attachments/batch-delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move several attachments to the recycle bin (all or nothing)
     * @description Needs a step-up token (x-step-up-token; POST /api/v1/auth/step-up then /verify, send x-step-up-token). Every record is checked like a single delete; the first one that fails aborts the whole batch and the error names its id.
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
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                count: number;
                deleted: {
                  id: string;
                  batchId: string;
                  deletedAt: string;
                }[];
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/followups/batch-delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move several followups to the recycle bin (all or nothing)
     * @description Needs a step-up token (x-step-up-token; POST /api/v1/auth/step-up then /verify, send x-step-up-token). Every record is checked like a single delete; the first one that fails aborts the whole batch and the error names its id.
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
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                count: number;
                deleted: {
                  id: string;
                  batchId: string;
                  deletedAt: string;
                }[];
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/opportunities/batch-delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move several opportunities to the recycle bin (all or nothing)
     * @description Needs a step-up token (x-step-up-token; POST /api/v1/auth/step-up then /verify, send x-step-up-token). Every record is checked like a single delete; the first one that fails aborts the whole batch and the error names its id.
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
          'application/json': {
            ids: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                count: number;
                deleted: {
                  id: string;
                  batchId: string;
                  deletedAt: string;
                }[];
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/customers/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Merge duplicate customers into one
     * @description Needs a step-up token (x-step-up-token; POST /api/v1/auth/step-up then /verify, send x-step-up-token). Non-null wins: the target keeps its values and fills its empty fields from the sources in order (tags are combined, custom values merged the same way). The sources' contacts, opportunities, follow-ups, contracts, orders and attachments move to the target; the sources go to the recycle bin.
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
          'application/json': components['schemas']['CustomerMergeInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                target: components['schemas']['Customer'];
                mergedIds: string[];
                moved: {
                  [key: string]: number;
                };
                deleted: {
                  id: string;
                  batchId: string;
                }[];
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your requests and your approver inbox
     * @description Everybody sees their own requests; holders of approveContractDeletion / approveExports also see the pending requests of that kind, and those they decided.
     */
    get: {
      parameters: {
        query?: {
          status?: 'pending' | 'approved' | 'rejected' | 'executed' | 'failed' | 'cancelled';
          kind?: 'contract_delete' | 'export';
          /** @description true: only the requests you made */
          mine?: 'true' | 'false';
          limit?: number;
          cursor?: string;
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
            'application/json': {
              data: components['schemas']['Approval'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Request an approval (contract deletion, export with phone numbers)
     * @description contract_delete: you must be allowed to delete the contract; a user with the approveContractDeletion permission decides and approving deletes it. export: CRM administrators only, for exports that include phone numbers; another holder of approveExports decides and approving generates a one-time file.
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
          'application/json': components['schemas']['ApprovalCreateInput'];
        };
      };
      responses: {
        /** @description The pending request */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Approval'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/approvals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One request */
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
            'application/json': {
              data: components['schemas']['Approval'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/approvals/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a pending request (runs it at once)
     * @description Only holders of the matching permission, never the requester. The answer shows status executed, or failed with result.error.
     */
    post: {
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
          'application/json': {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Approval'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/approvals/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a pending request, with a reason */
    post: {
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
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Approval'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/approvals/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw your own pending request */
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
            'application/json': {
              data: components['schemas']['Approval'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/customers/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Export customers as CSV or XLSX
     * @description Rows are limited to your export scope and shown with your field rules, watermarked with your name and the time. Without phone numbers the file comes back at once (200). With phone numbers (mainPhone, phone custom fields) only CRM administrators may ask, and the answer is 202 with a pending export approval; once another approver of exports approves, the file is waiting at /api/v1/exports/{id}/download — one download, within 24 hours.
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
          'application/json': {
            /** @description Customer fields, custom fields as custom.<key> */
            fields: string[];
            /** @description The list filter, as a JSON string or an object */
            filter?:
              | string
              | {
                  [key: string]: unknown;
                };
            /**
             * @default csv
             * @enum {string}
             */
            format?: 'csv' | 'xlsx';
            /** @description Why you need phone numbers (shown to the approver) */
            reason?: string;
          };
        };
      };
      responses: {
        /** @description The file: CSV (UTF-8) or XLSX, as an attachment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Pending approval (export with phone numbers) */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Approval'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/exports/{id}/download': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download an approved export (once, by the requester)
     * @description 410 GONE after the first download or 24 hours after generation.
     */
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
        /** @description The file: CSV (UTF-8) or XLSX, as an attachment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Already downloaded or expired */
        410: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/followups/{id}/amendments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The amendments of a follow-up, oldest first */
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
            'application/json': {
              data: components['schemas']['FollowupAmendment'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Append a correction to a follow-up
     * @description Follow-ups past the edit window (tenant setting followupEditWindowHours, default 72) cannot be changed; corrections are appended here. Allowed for the author and for users who may update the follow-up.
     */
    post: {
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
          'application/json': {
            content: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['FollowupAmendment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Roles with their chains, holders, grants and field rules */
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
            'application/json': {
              data: components['schemas']['Role'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a role (an inheritance chain deeper than 2, or a cycle, is rejected) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RoleCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Role'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/roles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One role */
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
            'application/json': {
              data: components['schemas']['Role'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a role nobody holds and no role inherits from */
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
            'application/json': {
              data: components['schemas']['Role'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a role; grants and fieldRules, when given, replace the current ones */
    patch: {
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
          'application/json': components['schemas']['RoleUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Role'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users/{id}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's roles */
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
            'application/json': {
              data: {
                id: string;
                name: string;
              }[];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Replace a user's roles */
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
          'application/json': {
            roleIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                name: string;
              }[];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/users/{id}/end-sandbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a new hire's sandbox early */
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
            'application/json': {
              data: {
                id: string;
                sandboxEndedAt: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/access/matrix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Permission matrix: roles × objects × actions with each effective grant, its scope and where it comes from */
    get: {
      parameters: {
        query?: {
          format?: 'json' | 'xlsx';
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
          content?: never;
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
  '/api/v1/access/inheritance-audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every role's inheritance chain; roles deeper than 2, in a cycle or suspended are alerts */
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
          content?: never;
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
  '/api/v1/access/explain': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why a user can or cannot act on a record: per action, the grants, scopes and field rules that decided it */
    get: {
      parameters: {
        query: {
          userId: string;
          recordType: string;
          recordId: string;
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
          content?: never;
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
  '/api/v1/access/simulate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dry-run changes to roles, inheritance or user roles: per affected user, records and actions gained or lost, new risky combinations */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SimulateRequestInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/channels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List integration channels with their health */
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
            'application/json': {
              data: components['schemas']['Channel'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a channel; a webhook channel answers its secret once
     * @description The mapping is type-checked on save: 400 MAPPING_LOSSY or MAPPING_INVALID names each field in details.fields.
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
          'application/json': {
            key: string;
            /** @enum {string} */
            kind: 'webhook' | 'pull' | 'import' | 'outbound';
            name: string;
            /** @enum {string} */
            trigger?: 'realtime' | 'scheduled';
            /**
             * @description Rules {source, target, sourceType?, maxLength?, transforms?}
             * @default []
             */
            mapping?: unknown[];
            /** @description Per channel, with per-field overrides */
            mergePolicy?: {
              /**
               * @default nonNullWins
               * @enum {string}
               */
              default?: 'nonNullWins' | 'sourcePriority' | 'newestWins' | 'alwaysOverwrite';
              fields?: {
                [key: string]: 'nonNullWins' | 'sourcePriority' | 'newestWins' | 'alwaysOverwrite';
              };
              /** @description Channel ids or keys, highest first; "user" = manual edits */
              priority?: string[];
            };
            matchOrder?: ('externalId' | 'creditCode' | 'phone' | 'name')[];
            /** @description Payload path of the idempotency key */
            idempotencyField?: string | null;
            /**
             * Format: uuid
             * @description Absent: a new service user is created for the channel; grant it what it needs
             */
            serviceUserId?: string;
            /** @default 5 */
            retryBaseSeconds?: number;
            /** @default 5 */
            retryLimit?: number;
            /**
             * @description What the kind needs beyond the mapping (pull URL and cursor, outbound URL, schedule)
             * @default {}
             */
            config?: {
              [key: string]: unknown;
            };
            /** @description Pull channels: headers sent to the source, e.g. {"Authorization": "Bearer …"}; write-only, null removes one */
            authHeaders?: {
              [key: string]: string | null;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Channel'];
              /** @description Shown only here */
              secret?: string;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/channels/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a channel with its health */
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
            'application/json': {
              data: components['schemas']['Channel'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Remove a channel (its intake history stays) */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Change a channel (the mapping is type-checked again) */
    patch: {
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
          'application/json': {
            name?: string;
            /** @enum {string} */
            trigger?: 'realtime' | 'scheduled';
            /** @description Rules {source, target, sourceType?, maxLength?, transforms?} */
            mapping?: unknown[];
            /** @description Per channel, with per-field overrides */
            mergePolicy?: {
              /**
               * @default nonNullWins
               * @enum {string}
               */
              default?: 'nonNullWins' | 'sourcePriority' | 'newestWins' | 'alwaysOverwrite';
              fields?: {
                [key: string]: 'nonNullWins' | 'sourcePriority' | 'newestWins' | 'alwaysOverwrite';
              };
              /** @description Channel ids or keys, highest first; "user" = manual edits */
              priority?: string[];
            };
            matchOrder?: ('externalId' | 'creditCode' | 'phone' | 'name')[];
            /** @description Payload path of the idempotency key */
            idempotencyField?: string | null;
            /**
             * Format: uuid
             * @description The identity the channel writes as (must hold its grants)
             */
            serviceUserId?: string;
            retryBaseSeconds?: number;
            retryLimit?: number;
            /** @description What the kind needs beyond the mapping (pull URL and cursor, outbound URL, schedule) */
            config?: {
              [key: string]: unknown;
            };
            /** @description Pull channels: headers sent to the source, e.g. {"Authorization": "Bearer …"}; write-only, null removes one */
            authHeaders?: {
              [key: string]: string | null;
            };
            /** @description The version you read; a stale one answers 409 */
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Channel'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/intake/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An intake record's outcome
     * @description With a sign-in holding manageIntegrations, or with the channel's `x-cairn-channel-secret`.
     */
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
            'application/json': {
              data: components['schemas']['IntakeStatus'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dead letters, newest first: inbound records that could not be applied and outbound deliveries that ran out of retries, with their reason and last error */
    get: {
      parameters: {
        query?: {
          channelId?: string;
          limit?: number;
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
            'application/json': {
              data: components['schemas']['DeadLetter'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/dead-letters/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a dead letter back to the queue (processed at once, without backoff) */
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
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['IntakeStatus'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/dead-letters/{id}/discard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give up on a dead letter; the reason is required and audited */
    post: {
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
          'application/json': {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['IntakeStatus'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/review-queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Inbound records that matched several customers; nothing is merged until someone decides */
    get: {
      parameters: {
        query?: {
          channelId?: string;
          limit?: number;
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
            'application/json': {
              data: components['schemas']['ReviewItem'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/review-queue/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply a review item to the record you pick, or create a new one */
    post: {
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
          'application/json':
            | {
                /** Format: uuid */
                recordId: string;
              }
            | {
                /** @enum {boolean} */
                create: true;
              };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['IntakeStatus'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/channels/{id}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply the channel's mapping, matching and merge policy to samples or its last N payloads; writes nothing */
    post: {
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
          'application/json': {
            payloads?: {
              [key: string]: unknown;
            }[];
            /**
             * @description Without payloads: the last N received
             * @default 10
             */
            limit?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description The stored payload this row replays; null for a given sample */
                intakeId: string | null;
                /** @enum {string} */
                status: 'created' | 'updated' | 'unchanged' | 'review' | 'error';
                recordId: string | null;
                candidates?: string[];
                fields: {
                  field: string;
                  before: unknown;
                  after: unknown;
                }[];
                reason: string | null;
                errors: string[];
                /** @description The fields at fault, if any */
                fieldErrors: {
                  path: string;
                  message: string;
                }[];
              }[];
              problems: string[];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/customers/{id}/provenance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who last set each field of a customer: a channel or a person, and when */
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
            'application/json': {
              data: {
                [key: string]: {
                  /** @enum {string} */
                  source: 'channel' | 'user';
                  channelId: string | null;
                  channelKey: string | null;
                  userId: string | null;
                  userName: string | null;
                  intakeId: string | null;
                  /** @description The value's own time (a channel's source time, else when it was written) */
                  at: string;
                  setAt: string;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/contacts/{id}/provenance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who last set each field of a contact: a channel or a person, and when */
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
            'application/json': {
              data: {
                [key: string]: {
                  /** @enum {string} */
                  source: 'channel' | 'user';
                  channelId: string | null;
                  channelKey: string | null;
                  userId: string | null;
                  userName: string | null;
                  intakeId: string | null;
                  /** @description The value's own time (a channel's source time, else when it was written) */
                  at: string;
                  setAt: string;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/channels/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An outbound channel's delivery log: every attempt with its response code and duration, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Only the attempts of one event */
          eventId?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
        };
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
            'application/json': {
              data: components['schemas']['OutboundDeliveryAttempt'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/channels/{id}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A pull channel's runs, newest first: pages, records taken, records without a cursor value, failures */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
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
            'application/json': {
              data: components['schemas']['PullRun'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/channels/{id}/pull': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a pull channel now (queued; the run shows in GET /channels/{id}/runs) */
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
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @enum {boolean} */
                queued: true;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent imports, newest first */
    get: {
      parameters: {
        query?: {
          channelId?: string;
          limit?: number;
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
            'application/json': {
              data: components['schemas']['Import'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a CSV or XLSX file to an import channel; answers its columns and row count
     * @description multipart/form-data: channelId (an import channel) and one file part named "file" (.csv in UTF-8 or GB18030, or .xlsx: the first worksheet; the first row names the columns). Limit: 25 MB.
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
          'multipart/form-data': {
            /** Format: uuid */
            channelId: string;
            /** Format: binary */
            file: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Import'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import with its progress (percent, rows per second, errors so far) and outcome counts */
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
            'application/json': {
              data: components['schemas']['Import'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/imports/{id}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Preview the file's first rows through the channel's mapping, matching and merge policy; writes nothing */
    post: {
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
          'application/json': {
            /** @default 50 */
            limit?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                rows: {
                  /** @description Row number as the spreadsheet shows it (the header is row 1) */
                  row: number;
                  /** @enum {string} */
                  status: 'created' | 'updated' | 'unchanged' | 'review' | 'error';
                  recordId: string | null;
                  candidates?: string[];
                  fields: {
                    field: string;
                    before: unknown;
                    after: unknown;
                  }[];
                  reason: string | null;
                  errors: string[];
                  fieldErrors: {
                    path: string;
                    message: string;
                  }[];
                }[];
                summary: {
                  [key: string]: number;
                };
                /** @description What the channel's service identity lacks */
                problems: string[];
                mappingWarnings: string[];
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/imports/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the import as a background job (again after it finished: rows already applied are not applied twice) */
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
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Import'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/imports/{id}/error-report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The error report as CSV: row number, field, reason, status (dead or retrying), message */
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
          content?: never;
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
  '/api/v1/assignment-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Assignment rules in the order they are tried */
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
            'application/json': {
              data: components['schemas']['AssignmentRule'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create an assignment rule (a user, round-robin or least-loaded in a team, or a fallback owner) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AssignmentRuleCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AssignmentRule'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/assignment-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete an assignment rule */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Edit an assignment rule (its version goes up by one) */
    patch: {
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
          'application/json': components['schemas']['AssignmentRuleUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AssignmentRule'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/consistency/findings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The findings of the latest consistency scan that you may see
     * @description A finding about records is listed only when you may read each of its records (scoped in the query, before paging); titles follow your field rules.
     */
    get: {
      parameters: {
        query?: {
          check?:
            'orphaned_contact' | 'phone_mismatch' | 'duplicate_customer' | 'unindexed_foreign_key' | 'inactive_owner';
          /** @description true: only findings not fixed yet */
          open?: 'true' | 'false';
          limit?: number;
          /** @description nextCursor of the previous page */
          cursor?: string;
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
            'application/json': {
              report: components['schemas']['ConsistencyReport'] | null;
              data: components['schemas']['ConsistencyFinding'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/consistency/scan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a consistency scan of your company now and store its report */
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
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                reportId: string;
                findings: number;
                byCheck: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/consistency/findings/{id}/fix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Apply the one-click fix of a finding
     * @description reassign_owner moves the records still owned by the inactive owner to `toUserId` (default: that owner's manager), each as an ordinary edit. merge merges the duplicates into `targetId` (default: the oldest) through the customer merge, which needs a step-up token (x-step-up-token; POST /api/v1/auth/step-up then /verify, send x-step-up-token).
     */
    post: {
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
          'application/json': components['schemas']['ConsistencyFixInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                findingId: string;
                /** @enum {string} */
                fixKind: 'reassign_owner' | 'merge';
                recordIds: string[];
                toUserId?: string;
                targetId?: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/metric-definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The metric definitions (口径) of your company, each with its versions */
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
            'application/json': {
              data: components['schemas']['MetricDefinition'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a metric definition with its first version (a draft) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            semver: string;
            validFrom: string;
            document: components['schemas']['MetricDefinitionDocumentInput'];
            changeNote: string;
            name: string;
            description?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['MetricDefinition'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/metric-definitions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A metric definition with all its versions, their diffs, authors and approvers */
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
            'application/json': {
              data: components['schemas']['MetricDefinition'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/metric-definitions/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a version as a draft; it counts only once approved */
    post: {
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
          'application/json': {
            semver: string;
            validFrom: string;
            document: components['schemas']['MetricDefinitionDocumentInput'];
            changeNote: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                name: string;
                description: string | null;
                createdAt: string;
                versions: components['schemas']['MetricDefinitionVersion'][];
                /** @description the version this request created */
                versionId: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/metric-definitions/{id}/versions/{versionId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a draft version: from now on it is immutable and counts from its validFrom */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          versionId: string;
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
            'application/json': {
              data: components['schemas']['MetricDefinition'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/metric-definitions/{id}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a new approved version equal to an earlier one; history is never rewritten */
    post: {
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
          'application/json': {
            /** @description the approved version whose document is republished */
            toVersion: string;
            /** @description default: today */
            validFrom?: string;
            changeNote?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                name: string;
                description: string | null;
                createdAt: string;
                versions: components['schemas']['MetricDefinitionVersion'][];
                /** @description the version this request created */
                versionId: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/fx-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Exchange rates, newest date first */
    get: {
      parameters: {
        query?: {
          rateSet?: string;
          base?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
          quote?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
          from?: string;
          to?: string;
          limit?: number;
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
            'application/json': {
              data: components['schemas']['FxRate'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Enter rates by hand; a reason is required and kept with each rate */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rateSet: string;
            /** @default manual */
            source?: string;
            reason: string;
            rates: {
              /** @enum {string} */
              base: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
              /** @enum {string} */
              quote: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
              rateDate: string;
              rate: string | number;
              publishedAt?: string | null;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                stored: number;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/fx-rates/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import rates from a CSV or xlsx table (columns date, base, quote, rate[, publishedAt]); all rows or none */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rateSet: string;
            source: string;
            /** @enum {string} */
            format: 'csv' | 'xlsx';
            /** @description csv: the text; xlsx: the workbook as base64 */
            content: string;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                stored: number;
                payloadHash: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/reports/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a report under a metric definition, effective-dated per date, with its stamp
     * @description Each date of [from, to] counts under the approved version valid on it (rows name their version), unless `version` or `restateUnder` names one. Only records in your data scope count (scoped before aggregation); amounts your field rules mask are ***.
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
          'application/json': {
            /** Format: uuid */
            definitionId: string;
            /** @description run the whole period under this approved version */
            version?: string;
            from: string;
            to: string;
            /**
             * @description default: the definition's dimensions
             * @default []
             */
            groupBy?: (
              'owner' | 'department' | 'region' | 'industry' | 'product' | 'month' | 'quarter' | 'stage' | 'ageBucket'
            )[];
            /** @description restate the whole period under this approved version */
            restateUnder?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['ReportResult'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FX_RATE_MISSING: details.missing lists each {date, currency} without a rate */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/reports/drill': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The contracts, installments, payments or orders behind one cell of a report, in the same scope */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            definitionId: string;
            /** @description run the whole period under this approved version */
            version?: string;
            from: string;
            to: string;
            /**
             * @description default: the definition's dimensions
             * @default []
             */
            groupBy?: (
              'owner' | 'department' | 'region' | 'industry' | 'product' | 'month' | 'quarter' | 'stage' | 'ageBucket'
            )[];
            /** @description restate the whole period under this approved version */
            restateUnder?: string;
            /**
             * @description the group keys of the cell (row.group); {} for the totals
             * @default {}
             */
            cell?: {
              [key: string]: string | null;
            };
            /** @default 200 */
            limit?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                records: {
                  version: string;
                  recordType: string;
                  id: string;
                  date: string;
                  customerId: string | null;
                  contractId: string | null;
                  sku: string | null;
                  currency: string;
                  amount: string;
                  rate: string | null;
                  value: string;
                  dealKey: string;
                }[];
                deals: {
                  version: string;
                  dealKey: string;
                  records: number;
                  value: string;
                }[];
                truncated: boolean;
                stamp: components['schemas']['ReportStamp'];
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description FX_RATE_MISSING: details.missing lists each {date, currency} without a rate */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/reports/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The report as an xlsx workbook, with its stamp under the table
     * @description Answers the workbook (200), or an error as /reports/run does (400, 403, 404, 422 FX_RATE_MISSING).
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
          'application/json': {
            /** Format: uuid */
            definitionId: string;
            /** @description run the whole period under this approved version */
            version?: string;
            from: string;
            to: string;
            /**
             * @description default: the definition's dimensions
             * @default []
             */
            groupBy?: (
              'owner' | 'department' | 'region' | 'industry' | 'product' | 'month' | 'quarter' | 'stage' | 'ageBucket'
            )[];
            /** @description restate the whole period under this approved version */
            restateUnder?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/snapshots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sealed monthly snapshots, oldest first, and whether their hash chain holds */
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
            'application/json': {
              data: components['schemas']['ReportSnapshot'][];
              chain: {
                ok: boolean;
                count: number;
                head: string | null;
                broken?: unknown;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/snapshots/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A sealed snapshot with its rows, hash and prevHash */
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
            'application/json': {
              data: components['schemas']['ReportSnapshot'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/snapshots/{id}/restatement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sealed month recomputed under another approved version, beside the sealed figures (the snapshot is not changed) */
    get: {
      parameters: {
        query?: {
          /** @description default: the newest approved version of the definition */
          version?: string;
        };
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
            'application/json': {
              data: {
                snapshot: components['schemas']['ReportSnapshot'];
                sealedTotals: unknown;
                restatedTotals: unknown;
                totalDelta: string;
                differences: {
                  group: {
                    [key: string]: string | null;
                  };
                  labels: {
                    [key: string]: string | null;
                  };
                  sealedSum: string;
                  restatedSum: string;
                  delta: string;
                  sealedCount: number;
                  restatedCount: number;
                }[];
                stamp: components['schemas']['ReportStamp'];
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/snapshots/seal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Seal a month now (what the monthly job does on the 1st); a month already sealed stays as it is */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            month: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                definitionId: string;
                hash: string;
              }[];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/manual-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The manual rules the caller may start on records of a type (the buttons on a record and a list selection)
     * @description Enabled, not paused manual rules of that record type, by name; none for a caller who may not update that type.
     */
    get: {
      parameters: {
        query: {
          object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
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
            'application/json': {
              data: {
                id: string;
                name: string;
                object: string;
              }[];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/automation-rules/{id}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a manual rule on records (each its own run, as the rule’s identity)
     * @description Any signed-in user, on records they may update. Only a rule with a manual trigger, enabled and not paused (else 409 RULE_NOT_RUNNABLE). Per record, status not_found for a record the caller cannot read, forbidden for one they may not update.
     */
    post: {
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
          'application/json': {
            recordIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                recordId: string;
                runId: string | null;
                status: string;
              }[];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/automation-rules/{id}/runs/{runId}/rerun': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rerun a failed run from the action that failed (a new run with rerunOf and fromStep)
     * @description Only a run with status failed (else 409 RUN_NOT_FAILED).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          runId: string;
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
            'application/json': {
              data: components['schemas']['AutomationRun'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/automation-rules/{id}/dry-run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Evaluate a rule against the last events of its trigger, without acting (nothing is written) */
    post: {
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
          'application/json': {
            /** @description Default 20 */
            limit?: number;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                ruleId: string;
                version: number;
                evaluated: number;
                results: {
                  eventId: string;
                  occurredAt: string;
                  recordId: string | null;
                  matched: boolean;
                  conditions: {
                    result: boolean;
                    steps: {
                      /** @description Where in the tree, e.g. all[1].condition */
                      path: string;
                      op: string;
                      field?: string;
                      actual?: unknown;
                      result: boolean;
                    }[];
                  } | null;
                  actions: {
                    type: string;
                    input: unknown;
                  }[];
                }[];
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/automation-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Automation rules */
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
            'application/json': {
              data: components['schemas']['AutomationRule'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a rule; fields, values, templates and users are checked at save time (400 naming each) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AutomationRuleCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AutomationRule'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/automation-rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One rule, with its failure streak and pause state */
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
            'application/json': {
              data: components['schemas']['AutomationRule'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a rule */
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
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Edit a rule (its version goes up by one); enabled: true resumes a paused rule */
    patch: {
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
          'application/json': components['schemas']['AutomationRuleUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['AutomationRule'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/automation-rules/{id}/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A rule's runs, newest first: trigger payload, each condition's result, each action's input, output, timing and error */
    get: {
      parameters: {
        query?: {
          status?: 'running' | 'succeeded' | 'skipped' | 'failed' | 'stopped' | 'rate_limited';
          limit?: number;
        };
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
            'application/json': {
              data: components['schemas']['AutomationRun'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's own in-app notifications, newest first (rule actions, paused rules) */
    get: {
      parameters: {
        query?: {
          limit?: number;
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
            'application/json': {
              data: {
                id: string;
                kind: string;
                message: string;
                recordType: string | null;
                recordId: string | null;
                ruleId: string | null;
                readAt: string | null;
                createdAt: string;
              }[];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/todos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's open to-dos and next steps, by due time: due today (overdue included) or overdue */
    get: {
      parameters: {
        query?: {
          due?: 'today' | 'overdue';
          limit?: number;
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
            'application/json': {
              data: components['schemas']['Todo'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/todos/{id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Complete one of your own to-dos or next steps (completing it again changes nothing) */
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
            'application/json': {
              data: components['schemas']['Todo'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/smart-buttons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The company's smart buttons, working calendar and next-step escalation grace period */
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
            'application/json': {
              data: components['schemas']['FollowupSettings'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /** Replace the smart buttons, working calendar and escalation grace period (administrators; audited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            buttons: components['schemas']['SmartButtonInput'][];
            /**
             * @description Weekdays that are not worked (YYYY-MM-DD)
             * @default []
             */
            holidays?: string[];
            /**
             * @description Weekend days that are worked (调休, YYYY-MM-DD)
             * @default []
             */
            extraWorkdays?: string[];
            /**
             * @description Hours a next step may be overdue before a to-do goes to the owner's manager
             * @default 24
             */
            escalationGraceHours?: number;
            /** @description The version you read (0 before the first save): if it changed since, 409 VERSION_CONFLICT and nothing is saved */
            version?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['FollowupSettings'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/customers/{id}/smart-buttons/{buttonId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * One tap: a follow-up from the button (or the edited text) with its next step on the working calendar
     * @description Authorized as creating a follow-up on the customer. The `Idempotency-Key` header is required: the same key again answers the first follow-up with `duplicate: true` (200) and writes nothing; a key used for another customer or button answers 409.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          'idempotency-key': string;
        };
        path: {
          id: string;
          buttonId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The rep's edited text */
            content?: string;
            nextStep?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['SmartButtonTap'];
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['SmartButtonTap'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/events/transcripts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Received transcripts, newest first: status (received, processed, unmatched, failed) and the follow-up made */
    get: {
      parameters: {
        query?: {
          limit?: number;
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
            'application/json': {
              data: components['schemas']['Transcript'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Receive a meeting transcript; a follow-up with its summary and the customer’s objections follows
     * @description `{customerId?, phone?, utterances: [{speaker, at, text, role?}]}`: the customer by id, or by the normalised phone of the customer or a contact. Answers 202; the transcripts queue records a follow-up (kind and source meeting, status deep_talk) with `summary` and `objections: [{kind, text}]` (kinds price, competitor, timing, authority, feature_gap), linked to the customer’s open opportunity. Authenticate with an integration API key whose service user holds runBackgroundSync.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description One transcript */
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                /** @enum {string} */
                status: 'received';
                /** @description How many utterances were stored */
                utterances: number;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/events/transcripts/audio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Receive a meeting recording: the ASR provider transcribes it, then it is handled as a transcript
     * @description multipart/form-data: one file part named "file" (audio, at most 100 MB) and a field `customerId` or `phone`. 503 ASR_NOT_CONFIGURED when no speech recognition service is set up (CAIRN_ASR_URL); 502 ASR_PROVIDER_FAILED when it fails.
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
          'multipart/form-data': {
            /** Format: binary */
            file?: string;
            customerId?: string;
            phone?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                /** @enum {string} */
                status: 'received';
                /** @description How many utterances were stored */
                utterances: number;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/transcript-lexicon': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The company’s objection lexicon (the defaults until it saves its own) */
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
            'application/json': {
              data: components['schemas']['TranscriptLexicon'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    /**
     * Replace the company’s objection lexicon; an empty list goes back to the defaults
     * @description `{entries: [{kind, phrase}]}`: kinds price, competitor, timing, authority, feature_gap; a phrase is a zh keyword or phrase without spaces or punctuation.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            entries: {
              /** @enum {string} */
              kind: 'price' | 'competitor' | 'timing' | 'authority' | 'feature_gap';
              phrase: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['TranscriptLexicon'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/wecom/agent-config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed `wx.agentConfig` parameters for the sidebar page URL
     * @description 503 WECOM_NOT_CONFIGURED when CAIRN_WECOM_* is not set; 502 WECOM_FAILED when WeCom refuses.
     */
    get: {
      parameters: {
        query: {
          url: string;
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
            'application/json': {
              data: {
                corpid: string;
                agentid: number;
                timestamp: number;
                nonceStr: string;
                signature: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/wecom/contacts/{externalUserId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The customer of a WeCom external contact: lite card, recent follow-ups and files (through your field view) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          externalUserId: string;
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
            'application/json': {
              data: {
                externalUserId: string;
                contactId: string | null;
                customer: {
                  [key: string]: unknown;
                };
                followups: {
                  [key: string]: unknown;
                }[];
                files: {
                  id: string;
                  name: string;
                  mimeType: string | null;
                }[];
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/wecom/sent-files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a file sent into a WeCom chat from the sidebar: a follow-up snapshot with status 已发方案 */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            externalUserId: string;
            fileName: string;
            /** Format: uuid */
            attachmentId?: string;
            /** @description The WeCom chat (group chat id), when known */
            chatId?: string;
            chatName?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                followupId: string;
                customerId: string;
                fileName: string;
                sentAt: string;
                chat: string;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/followup-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow-up templates, your most recently used first
     * @description Live templates: those you created follow-ups from, most recent first, then the others by title. `recent` caps the list (the phone caches the 30 most recent); without it at most 500 are listed.
     */
    get: {
      parameters: {
        query?: {
          recent?: number;
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
            'application/json': {
              data: components['schemas']['FollowupTemplateEntry'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a followupTemplate */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FollowupTemplateCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['FollowupTemplate'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/wecom/external-contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The WeCom external contacts linked to a customer */
    get: {
      parameters: {
        query: {
          customerId: string;
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
            'application/json': {
              data: components['schemas']['WecomExternalContact'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/wecom/external-contacts/{externalUserId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Link a WeCom external contact to a customer (and one of its contacts); an audited update of the customer */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          externalUserId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            customerId: string;
            /** @description One of the customer's contacts */
            contactId?: string | null;
            /** @description The name in WeCom */
            name?: string | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['WecomExternalContact'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    post?: never;
    /** Unlink a WeCom external contact from its customer */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          externalUserId: string;
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
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one attachment */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Attachment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a attachment to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a attachment */
    patch: {
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
          'application/json': components['schemas']['AttachmentUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Attachment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/attachments/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted attachment
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Attachment'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List customers
     * @description Filter, sort and page customers. Includes: contacts, opportunities, followups, contracts, orders, attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Customer'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a customer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CustomerCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Customer'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one customer
     * @description Includes: contacts, opportunities, followups, contracts, orders, attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Customer'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a customer to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a customer */
    patch: {
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
          'application/json': components['schemas']['CustomerUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Customer'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/customers/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted customer
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Customer'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List contacts
     * @description Filter, sort and page contacts. Includes: attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Contact'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a contact */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContactCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Contact'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/contacts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one contact
     * @description Includes: attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Contact'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a contact to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a contact */
    patch: {
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
          'application/json': components['schemas']['ContactUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Contact'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/contacts/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted contact
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Contact'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/opportunities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List opportunities
     * @description Filter, sort and page opportunities. Includes: followups, contracts, attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Opportunity'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a opportunity */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['OpportunityCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Opportunity'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/opportunities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one opportunity
     * @description Includes: followups, contracts, attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Opportunity'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a opportunity to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a opportunity */
    patch: {
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
          'application/json': components['schemas']['OpportunityUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Opportunity'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/opportunities/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted opportunity
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Opportunity'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/followups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List followups
     * @description Filter, sort and page followups. Includes: attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Followup'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a followup */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['FollowupCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Followup'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/followups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one followup
     * @description Includes: attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Followup'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a followup to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a followup */
    patch: {
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
          'application/json': components['schemas']['FollowupUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Followup'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/followups/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted followup
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Followup'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/contracts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List contracts
     * @description Filter, sort and page contracts. Includes: payments, attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Contract'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a contract */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ContractCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Contract'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/contracts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one contract
     * @description Includes: payments, attachments.
     */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Contract'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a contract to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a contract */
    patch: {
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
          'application/json': components['schemas']['ContractUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Contract'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/contracts/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted contract
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Contract'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/installments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List installments
     * @description Filter, sort and page installments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Installment'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/installments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one installment */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Installment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List payments
     * @description Filter, sort and page payments.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Payment'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a payment */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PaymentCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Payment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/payments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one payment */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Payment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a payment to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a payment */
    patch: {
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
          'application/json': components['schemas']['PaymentUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Payment'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/payments/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted payment
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Payment'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List products
     * @description Filter, sort and page products.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Product'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a product */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ProductCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Product'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one product */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Product'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a product to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a product */
    patch: {
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
          'application/json': components['schemas']['ProductUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Product'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/products/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted product
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Product'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orders
     * @description Filter, sort and page orders.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Order'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a order */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['OrderCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Order'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one order */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Order'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a order to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a order */
    patch: {
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
          'application/json': components['schemas']['OrderUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Order'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/orders/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted order
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Order'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/departments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List departments
     * @description Filter, sort and page departments. Includes: users, children.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['Department'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a department */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DepartmentCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Department'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/departments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one department
     * @description Includes: users, children.
     */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['Department'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a department to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a department */
    patch: {
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
          'application/json': components['schemas']['DepartmentUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['Department'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/departments/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted department
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['Department'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List users
     * @description Filter, sort and page users. Includes: customers.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['User'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a user */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UserCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['User'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one user
     * @description Includes: customers.
     */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['User'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a user to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a user */
    patch: {
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
          'application/json': components['schemas']['UserUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['User'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted user
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['User'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/custom-fields': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List custom-fields
     * @description Filter, sort and page custom-fields.
     */
    get: {
      parameters: {
        query?: {
          /** @description JSON object: {"field": value} or {"field": {"eq|ne|in|nin|gt|gte|lt|lte|contains|startsWith|has|isNull": value}}; custom fields as "custom.<key>" */
          filter?: string;
          /** @description One field, "-" prefix for descending, e.g. -updatedAt */
          sort?: string;
          limit?: number;
          /** @description Opaque cursor from nextCursor */
          cursor?: string;
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
          /** @description Quick search */
          q?: string;
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
            'application/json': {
              data: components['schemas']['CustomField'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /** Create a customField */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CustomFieldCreateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['CustomField'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/custom-fields/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one customField */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['CustomField'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a customField to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a customField */
    patch: {
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
          'application/json': components['schemas']['CustomFieldUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['CustomField'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/custom-fields/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted customField
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['CustomField'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/followup-templates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one followupTemplate */
    get: {
      parameters: {
        query?: {
          /** @description Sparse fieldset: comma-separated field names (id is always returned) */
          fields?: string;
          /** @description Related lists to embed, comma-separated */
          include?: string;
        };
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
            'application/json': {
              data: components['schemas']['FollowupTemplate'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Move a followupTemplate to the recycle bin
     * @description Soft delete: the record and the children deleted with it can be restored until the bin is purged.
     */
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
            'application/json': {
              data: {
                id: string;
                batchId: string;
                deletedAt: string;
                cascaded: {
                  [key: string]: number;
                };
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a followupTemplate */
    patch: {
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
          'application/json': components['schemas']['FollowupTemplateUpdateInput'];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: components['schemas']['FollowupTemplate'];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/followup-templates/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a deleted followupTemplate
     * @description Restores the record together with the children deleted with it.
     */
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
            'application/json': {
              data: components['schemas']['FollowupTemplate'];
              restored: number;
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/intake/{channelKey}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Receive one record on a webhook channel (JSON or form-encoded); processed asynchronously
     * @description Authenticated by `x-cairn-channel-secret: <secret>` or `x-cairn-signature: t=<unix>,v1=<hex hmac-sha256 of "t.body">` (5-minute window against replays). Idempotency: the `Idempotency-Key` header, else the channel's idempotency field, else the content hash; a repeat answers the first record's id and applies nothing.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          'idempotency-key'?: string;
        };
        path: {
          channelKey: string;
        };
        cookie?: never;
      };
      /** @description One record */
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                /** @enum {string} */
                status: 'queued' | 'created' | 'updated' | 'unchanged' | 'review' | 'dead';
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
  '/api/v1/events/calls': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Received call records, newest first (numbers masked); matched=false lists the unmatched ones */
    get: {
      parameters: {
        query?: {
          matched?: 'true' | 'false';
          limit?: number;
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
            'application/json': {
              data: components['schemas']['CallRecord'][];
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
      };
    };
    put?: never;
    /**
     * Receive a call record (JSON, or a Twilio-style form post); deduplicated by call id
     * @description JSON: `{callId, direction: inbound|outbound, from, to, agentUserId?, startedAt, talkSeconds, recordingUrl?, status?}`. Form (`application/x-www-form-urlencoded`): `CallSid, CallStatus (completed, busy, no-answer, canceled, failed), CallDuration, From, To, Direction?, Timestamp?, RecordingUrl?`. Authenticate with an integration API key whose service user holds runBackgroundSync. The customer is matched by the normalised number (the caller for inbound calls, the callee for outbound ones); the automation rules run on the record afterwards.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description One call record */
      requestBody: {
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                id: string;
                callId: string;
                /** @description The call id was received before; nothing was stored */
                duplicate: boolean;
                customerId: string | null;
                /** @description Why no customer was matched */
                matchNote: string | null;
              };
            };
          };
        };
        /** @description Validation failed; details.fields names each offending field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not allowed */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Not found */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
          };
        };
        /** @description Conflict: duplicate, stale version or deleted parent */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Error'];
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorInput: {
      error: {
        code: string;
        message: string;
        details: {
          [key: string]: unknown;
        };
      };
    };
    ApiKeyInput: {
      id: string;
      name: string;
      prefix: string;
      userId: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
      createdAt: string;
    };
    SessionUserInput: {
      id: string;
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      tenantId: string;
      tenantName: string;
    };
    EffectivePermissionsInput: {
      /** @description Per object, the actions the user holds some grant of (the data scope still decides which records) */
      functions: {
        [key: string]: ('create' | 'read' | 'update' | 'delete' | 'export' | 'import')[];
      };
      /** @description System permissions the user holds */
      system: (
        | 'manageUsers'
        | 'manageRoles'
        | 'manageIntegrations'
        | 'runBackgroundSync'
        | 'manageReportDefinitions'
        | 'approveExports'
        | 'approveContractDeletion'
        | 'viewAudit'
      )[];
    };
    AuditEntryInput: {
      id: string;
      occurredAt: string;
      actorId: string | null;
      actorName: string | null;
      action: string;
      recordType: string;
      recordId: string;
      changes: {
        [key: string]: {
          before: unknown;
          after: unknown;
        };
      };
      requestId: string | null;
      ip: string | null;
      userAgent: string | null;
      /** @description The integration channel whose inbound record made this change (its service identity is the actor) */
      via: {
        channelId: string;
        channelKey: string;
        intakeId: string;
      } | null;
    };
    RecycleBinEntryInput: {
      id: string;
      recordType: string;
      recordId: string;
      title: string;
      deletedAt: string;
      deletedBy: string | null;
      /** @description When the daily purge removes it for good */
      purgeAfter: string;
    };
    AttachmentUpdateInput: {
      name?: string;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    TenantSettingsInput: {
      /** @description Days a deleted record stays restorable before the daily purge */
      recycleRetentionDays: number;
      /** @description The 5 essential fields of the phone lite view */
      liteFields: string[];
      /** @description Delete, export and attachment management never pass down role inheritance; several roles combine as a union of their own grants */
      leastPrivilege: boolean;
      /** @description Days a new hire stays in the sandbox after the hire date (0 turns it off) */
      sandboxDays: number;
      /** @description Follow-ups older than this cannot be edited; corrections are appended as amendments */
      followupEditWindowHours: number;
      /** @description The company's IANA time zone: scheduled pulls and the company's cron schedules run in it */
      timeZone: string;
      /** @description The oldest app version served: older apps (x-cairn-client) get 426 and upgrade */
      minClientVersion: string;
      /** @description Keep uploaded images' original files beside their WebP variants (off: the web variant replaces the original) */
      keepImageOriginals: boolean;
    };
    TenantInput: {
      id: string;
      name: string;
      slug: string;
      settings: {
        /** @description Days a deleted record stays restorable before the daily purge */
        recycleRetentionDays?: number;
        /** @description The 5 essential fields of the phone lite view */
        liteFields?: string[];
        /** @description Delete, export and attachment management never pass down role inheritance; several roles combine as a union of their own grants */
        leastPrivilege?: boolean;
        /** @description Days a new hire stays in the sandbox after the hire date (0 turns it off) */
        sandboxDays?: number;
        /** @description Follow-ups older than this cannot be edited; corrections are appended as amendments */
        followupEditWindowHours?: number;
        /** @description The company's IANA time zone: scheduled pulls and the company's cron schedules run in it */
        timeZone?: string;
        /** @description The oldest app version served: older apps (x-cairn-client) get 426 and upgrade */
        minClientVersion?: string;
        /** @description Keep uploaded images' original files beside their WebP variants (off: the web variant replaces the original) */
        keepImageOriginals?: boolean;
      };
    };
    FollowupAmendmentInput: {
      id: string;
      followupId: string;
      /** @description Left out, or masked, when the follow-up content is for you */
      content?: string;
      authorId: string | null;
      authorName: string | null;
      createdAt: string;
    };
    CustomerExportRequestInput: {
      /** @description Customer fields, custom fields as custom.<key> */
      fields: string[];
      /** @description The list filter, as a JSON string or an object */
      filter?:
        | string
        | {
            [key: string]: unknown;
          };
      /**
       * @default csv
       * @enum {string}
       */
      format: 'csv' | 'xlsx';
    };
    ApprovalInput: {
      id: string;
      /** @enum {string} */
      kind: 'contract_delete' | 'export';
      /** @enum {string} */
      status: 'pending' | 'approved' | 'rejected' | 'executed' | 'failed' | 'cancelled';
      requestedBy: string;
      requestedByName: string | null;
      payload: {
        [key: string]: unknown;
      };
      reason: string | null;
      decidedBy: string | null;
      decidedByName: string | null;
      decidedAt: string | null;
      decisionReason: string | null;
      result: {
        [key: string]: unknown;
      } | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    ApprovalCreateInput:
      | {
          /** @constant */
          kind: 'contract_delete';
          payload: {
            /** Format: uuid */
            contractId: string;
          };
          reason: string;
        }
      | {
          /** @constant */
          kind: 'export';
          payload: components['schemas']['CustomerExportRequestInput'];
          reason?: string;
        };
    CustomerMergeInput: {
      /**
       * Format: uuid
       * @description The customer that stays
       */
      targetId: string;
      /** @description Customers merged into the target, in order of precedence; they go to the recycle bin */
      sourceIds: string[];
    };
    GrantInputInput: {
      /** @enum {string} */
      object:
        | 'customer'
        | 'contact'
        | 'opportunity'
        | 'followup'
        | 'contract'
        | 'payment'
        | 'attachment'
        | 'order'
        | 'product'
        | 'report'
        | 'user'
        | 'role'
        | 'settings'
        | 'system';
      action: string;
      /**
       * @default all
       * @enum {string}
       */
      scope: 'own' | 'own_assigned' | 'department' | 'department_tree' | 'all' | 'custom' | 'inherit';
      /** @description For scope "custom": a list filter, e.g. {"region":"华东"} */
      filter?: {
        [key: string]: unknown;
      } | null;
    };
    FieldRuleInputInput: {
      /** @enum {string} */
      object:
        | 'customer'
        | 'contact'
        | 'opportunity'
        | 'followup'
        | 'contract'
        | 'payment'
        | 'attachment'
        | 'order'
        | 'product'
        | 'report'
        | 'user'
        | 'role'
        | 'settings';
      field: string;
      /** @enum {string} */
      rule: 'hidden' | 'readonly' | 'masked';
    };
    RoleCreateInput: {
      name: string;
      description?: string | null;
      parentRoleId?: string | null;
      /** @default [] */
      grants: components['schemas']['GrantInputInput'][];
      /** @default [] */
      fieldRules: components['schemas']['FieldRuleInputInput'][];
    };
    RoleUpdateInput: {
      name?: string;
      description?: string | null;
      parentRoleId?: string | null;
      /** @enum {string} */
      status?: 'active' | 'disabled';
      grants?: components['schemas']['GrantInputInput'][];
      fieldRules?: components['schemas']['FieldRuleInputInput'][];
      version: number;
    };
    RoleInput: {
      id: string;
      name: string;
      description: string | null;
      parentRoleId: string | null;
      status: string;
      statusReason: string | null;
      /** @description Why the role grants nothing right now (depth, cycle, disabled) */
      suspendedReason: string | null;
      isSystem: boolean;
      /** @description Role names from this role up its inheritance */
      chain: string[];
      depth: number;
      holders: number;
      grants: {
        object: string;
        action: string;
        scope: string;
        filter: {
          [key: string]: unknown;
        } | null;
      }[];
      fieldRules: {
        object: string;
        field: string;
        rule: string;
      }[];
      version: number;
    };
    SimulateRequestInput: {
      changes: (
        | {
            /** @constant */
            op: 'addUserRole';
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            roleId: string;
          }
        | {
            /** @constant */
            op: 'removeUserRole';
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            roleId: string;
          }
        | {
            /** @constant */
            op: 'setRoleParent';
            /** Format: uuid */
            roleId: string;
            parentRoleId: string | null;
          }
        | {
            /** @constant */
            op: 'setGrant';
            /** Format: uuid */
            roleId: string;
            /** @enum {string} */
            object:
              | 'customer'
              | 'contact'
              | 'opportunity'
              | 'followup'
              | 'contract'
              | 'payment'
              | 'attachment'
              | 'order'
              | 'product'
              | 'report'
              | 'user'
              | 'role'
              | 'settings'
              | 'system';
            action: string;
            /** @enum {string} */
            scope: 'own' | 'own_assigned' | 'department' | 'department_tree' | 'all' | 'custom' | 'inherit' | 'none';
          }
      )[];
    };
    PullRunInput: {
      id: string;
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed';
      startedAt: string;
      finishedAt: string | null;
      pages: number;
      /** @description Records taken (stored now, or already stored by an earlier run) */
      records: number;
      /** @description Records new to Cairn, queued for processing */
      stored: number;
      /** @description Records without a cursor value: taken and counted, never skipped */
      missingCursor: number;
      cursorBefore: string | null;
      cursorAfter: string | null;
      httpStatus: number | null;
      /** @description Why it failed: remote_4xx, remote_5xx, timeout or validation */
      reason: string | null;
      message: string | null;
    };
    ChannelHealthInput: {
      /** @enum {string} */
      status: 'ok' | 'degraded' | 'error';
      /** @description What stops the channel, e.g. a grant its service identity lacks */
      errors: string[];
      warnings: string[];
      /** @description Required grants the service identity lacks: runBackgroundSync, customer.read, customer.create, customer.update */
      missingGrants: string[];
      queued: number;
      review: number;
      deadLetters: number;
      /** @description Age in seconds of the oldest record still waiting (0 when none) */
      lagSeconds: number;
      /** @description p95 seconds from receipt (outbound: from the event) to outcome over the last 24 hours */
      p95LagSeconds: number | null;
      /** @description Share of the last 24 hours' settled records that became dead letters (0–1) */
      failureRate: number;
      /** @description Records settled in the last 24 hours */
      settled24h: number;
      lastSuccessAt: string | null;
      lastError: string | null;
      lastErrorAt: string | null;
      /** @description Pull channels: the latest run (null for other kinds, or before the first) */
      lastRun: components['schemas']['PullRunInput'] | null;
    };
    ChannelInput: {
      id: string;
      key: string;
      name: string;
      /** @enum {string} */
      kind: 'webhook' | 'pull' | 'import' | 'outbound';
      /** @enum {string} */
      trigger: 'realtime' | 'scheduled';
      mapping: {
        [key: string]: unknown;
      }[];
      mergePolicy: {
        [key: string]: unknown;
      };
      matchOrder: string[];
      idempotencyField: string | null;
      serviceUserId: string | null;
      retryBaseSeconds: number;
      retryLimit: number;
      config: {
        [key: string]: unknown;
      };
      /** @description Pull channels: the names of the headers sent to the source (their values are never answered) */
      authHeaders: string[];
      health: components['schemas']['ChannelHealthInput'];
      version: number;
      createdAt: string;
      updatedAt: string;
    };
    IntakeStatusInput: {
      id: string;
      /** @enum {string} */
      status: 'queued' | 'created' | 'updated' | 'unchanged' | 'review' | 'dead';
      recordType: string | null;
      recordId: string | null;
      /** @description validation, mapping, permission, conflict, remote_4xx, remote_5xx or timeout */
      reason: string | null;
      attempts: number;
    };
    DeadLetterInput: {
      id: string;
      channelId: string;
      channelKey: string;
      /**
       * @description inbound: a record that could not be applied; outbound: a delivery that ran out of retries
       * @enum {string}
       */
      direction: 'inbound' | 'outbound';
      /** @description validation, mapping, permission, conflict, remote_4xx, remote_5xx or timeout */
      reason: string;
      lastError: string | null;
      attempts: number;
      receivedAt: string;
      failedAt: string | null;
      payload: {
        [key: string]: unknown;
      };
    };
    ReviewItemInput: {
      id: string;
      channelId: string;
      channelKey: string;
      candidates: {
        id: string;
        name: string | null;
      }[];
      receivedAt: string;
      payload: {
        [key: string]: unknown;
      };
    };
    OutboundDeliveryAttemptInput: {
      id: string;
      deliveryId: string;
      eventId: string;
      eventType: string;
      /** @description 1 for the first attempt */
      attempt: number;
      /** @description null when no answer came (timeout, refused connection) */
      responseCode: number | null;
      durationMs: number;
      error: string | null;
      /** @enum {string} */
      outcome: 'delivered' | 'retry' | 'dead';
      at: string;
    };
    ImportInput: {
      id: string;
      channelId: string;
      fileName: string;
      /** @enum {string} */
      format: 'csv' | 'xlsx';
      /** @description sha256 of the file; with the row number, the idempotency key of each row */
      fileHash: string;
      sizeBytes: number;
      columns: string[];
      /** @enum {string} */
      status: 'uploaded' | 'queued' | 'running' | 'finished' | 'failed';
      progress: {
        totalRows: number;
        processedRows: number;
        /** @description 0–100 */
        percent: number;
        rowsPerSecond: number;
        /** @description Rows failed so far: dead letters and rows waiting for a retry */
        errors: number;
      };
      counts: {
        created: number;
        updated: number;
        unchanged: number;
        review: number;
        dead: number;
        /** @description Failed once, waiting for a retry */
        retrying: number;
        queued: number;
        /** @description Rows an earlier import of the same file already stored: not applied again */
        repeated: number;
      };
      deadByReason: {
        [key: string]: number;
      };
      /** @description Mapping sources that are not columns of this file, and the like */
      mappingWarnings: string[];
      startedAt: string | null;
      finishedAt: string | null;
      lastError: string | null;
      createdAt: string;
    };
    AssignmentRuleCreateInput: {
      name: string;
      /** @description Order among the rules; default: last */
      position?: number;
      /**
       * @description All must match (an empty list matches every customer)
       * @default []
       */
      conditions: {
        field: string;
        /**
         * @default eq
         * @enum {string}
         */
        op: 'eq' | 'in' | 'prefix';
        value: string | string[];
      }[];
      target:
        | {
            /** @constant */
            type: 'user';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'fallback';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'round_robin';
            /** Format: uuid */
            departmentId: string;
          }
        | {
            /** @constant */
            type: 'least_loaded';
            /** Format: uuid */
            departmentId: string;
            /** @description Most open leads per rep; none = no cap */
            capacity?: number | null;
          };
      /** @default true */
      isActive: boolean;
    };
    AssignmentRuleUpdateInput: {
      name?: string;
      /** @description Order among the rules; default: last */
      position?: number;
      conditions?: {
        field: string;
        /**
         * @default eq
         * @enum {string}
         */
        op: 'eq' | 'in' | 'prefix';
        value: string | string[];
      }[];
      target?:
        | {
            /** @constant */
            type: 'user';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'fallback';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'round_robin';
            /** Format: uuid */
            departmentId: string;
          }
        | {
            /** @constant */
            type: 'least_loaded';
            /** Format: uuid */
            departmentId: string;
            /** @description Most open leads per rep; none = no cap */
            capacity?: number | null;
          };
      isActive?: boolean;
      /** @description The version you edited; a stale one answers 409 */
      version?: number;
    };
    AssignmentRuleInput: {
      id: string;
      name: string;
      position: number;
      conditions: {
        field: string;
        /** @enum {string} */
        op: 'eq' | 'in' | 'prefix';
        value: string | string[];
      }[];
      target: {
        /** @enum {string} */
        type: 'user' | 'fallback' | 'round_robin' | 'least_loaded';
        userId: string | null;
        departmentId: string | null;
        capacity: number | null;
      };
      isActive: boolean;
      version: number;
      createdAt: string;
      updatedAt: string;
    };
    ConsistencyFixInput: {
      /**
       * Format: uuid
       * @description Reassign: the new owner (default: the former owner's manager)
       */
      toUserId?: string;
      /**
       * Format: uuid
       * @description Merge: the customer that stays (default: the oldest)
       */
      targetId?: string;
    };
    ConsistencyReportInput: {
      id: string;
      /** @enum {string} */
      trigger: 'cli' | 'api' | 'schedule';
      createdAt: string;
      finishedAt: string | null;
      /** @description All findings of the report, including those you cannot see */
      findings: number;
      byCheck: {
        [key: string]: number;
      };
    };
    ConsistencyFindingInput: {
      id: string;
      /** @enum {string} */
      check: 'orphaned_contact' | 'phone_mismatch' | 'duplicate_customer' | 'unindexed_foreign_key' | 'inactive_owner';
      recordType: string | null;
      recordCount: number;
      /** @description The first 20 records, titled as you see them */
      records: {
        id: string;
        title: string | null;
      }[];
      detail: {
        [key: string]: unknown;
      };
      suggestedFix: string;
      /** @description The one-click fix, if there is a safe one */
      fix: ('reassign_owner' | 'merge') | null;
      fixedAt: string | null;
    };
    MetricDefinitionDocumentInput: {
      /**
       * @description signed: contract amount on its signed date; invoiced: installments on their due date; received: payments (allocated to installments) on their received date; ordered: orders on their order day; pipeline: opportunities on their expected close date (stage dimension); receivables: installments due by `to` and still unpaid on `to`, aged in days (ageBucket dimension)
       * @enum {string}
       */
      basis: 'signed' | 'invoiced' | 'received' | 'ordered' | 'pipeline' | 'receivables';
      /**
       * @description net divides by (1 + the contract's tax rate); orders carry no tax rate and count as they are
       * @enum {string}
       */
      amount: 'taxInclusive' | 'net';
      currency: {
        /** @enum {string} */
        target: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
        /**
         * @description the rate on the basis date, or on the last day of its month
         * @enum {string}
         */
        rateRule: 'basisDate' | 'monthEnd';
        /** @description the fx-rate set to take rates from, e.g. CFETS-midpoint */
        rateSet: string;
        /**
         * @description error: a missing rate answers 422 FX_RATE_MISSING; lastPublishedBefore: use the last rate published before the date, and say so in the stamp
         * @default error
         * @enum {string}
         */
        missingRate: 'error' | 'lastPublishedBefore';
      };
      /**
       * @description records with the same key count as one deal (sums add up, counts count the deal once); a part the basis lacks (sku outside orders) does not split deals
       * @default []
       */
      dedupKey: ('customer' | 'sku' | 'day' | 'contract')[];
      /**
       * @default {
       *       "excludeContractStatuses": [],
       *       "excludeStages": []
       *     }
       */
      filters: {
        /** @default [] */
        excludeContractStatuses: string[];
        /**
         * @description pipeline: stages left out, e.g. won and lost
         * @default []
         */
        excludeStages: string[];
      };
      /**
       * @description the default grouping; a run may ask for others
       * @default []
       */
      dimensions: (
        'owner' | 'department' | 'region' | 'industry' | 'product' | 'month' | 'quarter' | 'stage' | 'ageBucket'
      )[];
      measures: ('sum' | 'count' | 'distinctCustomers' | 'averageDealSize')[];
    };
    MetricDefinitionVersionInput: {
      id: string;
      definitionId: string;
      semver: string;
      validFrom: string;
      document: components['schemas']['MetricDefinitionDocumentInput'];
      /** @description sha256 of the canonical document */
      hash: string;
      /** @enum {string} */
      status: 'draft' | 'approved';
      changeNote: string;
      /** @description {from: semver, changes: [{path, from, to}]} against the version it was based on */
      diff: unknown;
      basedOn: string | null;
      /** @description for a rollback, the version whose document it republishes */
      rolledBackTo: string | null;
      authorId: string | null;
      approverId: string | null;
      approvedAt: string | null;
      createdAt: string;
    };
    MetricDefinitionInput: {
      id: string;
      name: string;
      description: string | null;
      createdAt: string;
      versions: components['schemas']['MetricDefinitionVersionInput'][];
    };
    ReportStampInput: {
      /** @description zh-CN: 本数据依据口径 <name> V<version> 生成,生效日期 <validFrom> */
      text: string;
      definitionName: string;
      version: string;
      versionId: string;
      validFrom: string;
      hash: string;
      rateSources: {
        rateSet: string;
        source: string;
        currency: string;
        quote: string;
        firstRateDate: string;
        lastRateDate: string;
      }[];
      computedAt: string;
      restated: boolean;
    };
    ReportResultInput: {
      rows: {
        version: string;
        from: string;
        to: string;
        group: {
          [key: string]: string | null;
        };
        labels: {
          [key: string]: string | null;
        };
        sum?: string | number;
        count?: string | number;
        distinctCustomers?: string | number;
        averageDealSize?: string | number;
      }[];
      totals: {
        sum?: string | number;
        count?: string | number;
        distinctCustomers?: string | number;
        averageDealSize?: string | number;
      };
      measures: string[];
      groupBy: string[];
      segments: {
        from: string;
        to: string;
        version: string;
        versionId: string;
        validFrom: string;
        hash: string;
        basis: string;
        totals: {
          sum?: string | number;
          count?: string | number;
          distinctCustomers?: string | number;
          averageDealSize?: string | number;
        };
        substitutions: {
          currency: string;
          date: string;
          usedRateDate: string;
        }[];
      }[];
      stamp: components['schemas']['ReportStampInput'];
    };
    FxRateInput: {
      id: string;
      rateSet: string;
      base: string;
      quote: string;
      rateDate: string;
      /** @description 1 base = rate quote */
      rate: string;
      source: string;
      publishedAt: string | null;
      fetchedAt: string;
      /** @description sha256 of the raw payload (upload or feed body) the rate came from */
      payloadHash: string | null;
      reason: string | null;
    };
    ReportSnapshotInput: {
      id: string;
      seq: number;
      period: string;
      definitionId: string;
      versionId: string;
      version: string;
      definitionHash: string;
      rateSet: string;
      /** @description sha256 over the canonical sealed content and prevHash */
      hash: string;
      prevHash: string | null;
      createdAt: string;
      groupBy?: unknown;
      result?: unknown;
    };
    ClientErrorReportInput: {
      /** @enum {string} */
      kind: 'uncaught' | 'unhandled_rejection' | 'save_failed';
      errorName: string;
      /** @default  */
      message: string;
      appVersion: string;
      /** @description The path of the page (ids are blanked before storing) */
      route: string;
      /** @description The screen as the user knows it, e.g. 客户新建 */
      screen?: string;
      /** Format: date-time */
      occurredAt?: string;
    };
    ClientErrorGroupInput: {
      /** @description Browser · error · screen, the way support reads it */
      line: string;
      browser: string;
      os: string;
      errorName: string;
      screen: string | null;
      route: string;
      kinds: string[];
      appVersions: string[];
      count: number;
      firstSeen: string;
      lastSeen: string;
      sampleMessage: string;
    };
    SmartButtonInput: {
      /** @description The button id in POST /customers/{id}/smart-buttons/{buttonId} */
      key: string;
      label: string;
      /** @description The follow-up text one tap saves */
      template: string;
      /**
       * @description The follow-up status a tap records
       * @enum {string}
       */
      status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
      /**
       * @default other
       * @enum {string}
       */
      kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
      /**
       * @description The next step text (empty: none)
       * @default
       */
      nextStep: string;
      /** @description When the next step is due: N working days after the tap at HH:MM, in the company time zone */
      nextStepOffset: {
        workingDays: number;
        at: string;
      };
    };
    FollowupSettingsInput: {
      buttons: components['schemas']['SmartButtonInput'][];
      holidays: string[];
      extraWorkdays: string[];
      escalationGraceHours: number;
      timeZone: string;
      version: number;
    };
    SyncBatchInput: {
      operations: {
        /** Format: uuid */
        idempotencyKey: string;
        /** @enum {string} */
        op: 'create' | 'update';
        /** @enum {string} */
        recordType: 'followup' | 'customer' | 'opportunity' | 'smartButtonTap';
        /** Format: uuid */
        recordId?: string;
        /** @description The version the change was made on (updates) */
        baseVersion?: number;
        data: {
          [key: string]: unknown;
        };
      }[];
    };
    SyncResultInput: {
      idempotencyKey: string;
      /** @enum {string} */
      result: 'applied' | 'duplicate' | 'conflict' | 'rejected';
      /** @description The record as stored (applied, duplicate) */
      record?: {
        [key: string]: unknown;
      };
      /** @description The server's current values, to compare and choose (conflict) */
      current?: {
        [key: string]: unknown;
      };
      /** @description Why it was not applied (rejected) */
      error?: {
        code: string;
        message: string;
        details: {
          [key: string]: unknown;
        };
      };
    };
    BusinessLicenceFieldsInput: {
      name: string | null;
      creditCode: string | null;
      legalRepresentative: string | null;
      address: string | null;
      /** @description 0–1 */
      confidence: number;
      warnings: string[];
    };
    AutomationConditionInput:
      | {
          /** @constant */
          op: 'and';
          all: components['schemas']['AutomationConditionInput'][];
        }
      | {
          /** @constant */
          op: 'or';
          any: components['schemas']['AutomationConditionInput'][];
        }
      | {
          /** @constant */
          op: 'not';
          condition: components['schemas']['AutomationConditionInput'];
        }
      | {
          /** @constant */
          op: 'compare';
          field: string;
          /** @enum {string} */
          cmp: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
          value: string | number | boolean | null;
        }
      | {
          /** @constant */
          op: 'in';
          field: string;
          values: (string | number | boolean | null)[];
        }
      | {
          /** @constant */
          op: 'isEmpty';
          field: string;
        }
      | {
          /** @constant */
          op: 'changed';
          field: string;
          from?: string | number | boolean | null;
          to?: string | number | boolean | null;
        };
    AutomationRuleCreateInput: {
      name: string;
      trigger:
        | {
            /** @constant */
            type: 'record';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @enum {string} */
            on: 'created' | 'updated' | 'deleted';
            /** @description updated only: run only when one of these fields changed */
            fields?: string[];
          }
        | {
            /**
             * @description an inbound call record (POST /api/v1/events/calls)
             * @constant
             */
            type: 'call';
          }
        | {
            /**
             * @description a file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files)
             * @constant
             */
            type: 'imFileSent';
          }
        | {
            /**
             * @description a meeting transcript analysed and recorded as a follow-up
             * @constant
             */
            type: 'transcriptReady';
          }
        | {
            /**
             * @description an intake record applied: a customer created or updated from a channel
             * @constant
             */
            type: 'intakeApplied';
            /** @description only records of this channel (its key); none: every channel's */
            channel?: string;
          }
        | {
            /** @constant */
            type: 'schedule';
            /** @description minute hour day month weekday, in the company's time zone; fires once per slot */
            cron: string;
          }
        | {
            /** @constant */
            type: 'relative';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @description a date or date-time field of the record */
            field: string;
            /** @description days after the field (negative: before) */
            offsetDays: number;
            /**
             * @description time of day in the company's time zone
             * @default 09:00
             */
            at: string;
          }
        | {
            /** @constant */
            type: 'manual';
            /**
             * @description run by POST /api/v1/automation-rules/{id}/run on records of this type
             * @enum {string}
             */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
          };
      /** @description None: every event of the trigger matches */
      conditions?: components['schemas']['AutomationConditionInput'] | null;
      actions: (
        | {
            /** @constant */
            type: 'createFollowup';
            /** @enum {string} */
            status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
            /** @enum {string} */
            kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            template: string;
            nextStepInDays?: number;
          }
        | {
            /** @constant */
            type: 'updateFields';
            fields: {
              [key: string]: string | number | boolean | null;
            };
          }
        | {
            /** @constant */
            type: 'createTodo';
            assignee:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            title: string;
            dueInMinutes: number;
          }
        | {
            /** @constant */
            type: 'notify';
            recipient:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            message: string;
          }
        | {
            /** @constant */
            type: 'assignOwner';
            /**
             * Format: uuid
             * @description None: the company's lead-assignment rules decide
             */
            userId?: string;
          }
        | {
            /** @constant */
            type: 'webhook';
            url: string;
            /** @description Extra request headers; the body is signed like outbound channels (x-cairn-signature) */
            headers?: {
              [key: string]: string;
            };
          }
        | {
            /** @constant */
            type: 'startApproval';
            /**
             * @description the approvals Cairn has that a record starts: a contract deletion
             * @constant
             */
            kind: 'contract_delete';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            reason: string;
          }
      )[];
      /** @default true */
      enabled: boolean;
      /**
       * Format: uuid
       * @description Default: the caller
       */
      ownerId?: string;
      /** @description Run as this service user instead of the owner's grants */
      serviceUserId?: string | null;
      /**
       * @description Paused after this many failed runs in a row
       * @default 3
       */
      maxFailures: number;
      /** @description Rate limit: runs that would act beyond it in the last hour are recorded as rate_limited */
      maxRunsPerHour?: number;
    };
    AutomationRuleUpdateInput: {
      name?: string;
      trigger?:
        | {
            /** @constant */
            type: 'record';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @enum {string} */
            on: 'created' | 'updated' | 'deleted';
            /** @description updated only: run only when one of these fields changed */
            fields?: string[];
          }
        | {
            /**
             * @description an inbound call record (POST /api/v1/events/calls)
             * @constant
             */
            type: 'call';
          }
        | {
            /**
             * @description a file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files)
             * @constant
             */
            type: 'imFileSent';
          }
        | {
            /**
             * @description a meeting transcript analysed and recorded as a follow-up
             * @constant
             */
            type: 'transcriptReady';
          }
        | {
            /**
             * @description an intake record applied: a customer created or updated from a channel
             * @constant
             */
            type: 'intakeApplied';
            /** @description only records of this channel (its key); none: every channel's */
            channel?: string;
          }
        | {
            /** @constant */
            type: 'schedule';
            /** @description minute hour day month weekday, in the company's time zone; fires once per slot */
            cron: string;
          }
        | {
            /** @constant */
            type: 'relative';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @description a date or date-time field of the record */
            field: string;
            /** @description days after the field (negative: before) */
            offsetDays: number;
            /**
             * @description time of day in the company's time zone
             * @default 09:00
             */
            at: string;
          }
        | {
            /** @constant */
            type: 'manual';
            /**
             * @description run by POST /api/v1/automation-rules/{id}/run on records of this type
             * @enum {string}
             */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
          };
      conditions?: components['schemas']['AutomationConditionInput'] | null;
      actions?: (
        | {
            /** @constant */
            type: 'createFollowup';
            /** @enum {string} */
            status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
            /** @enum {string} */
            kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            template: string;
            nextStepInDays?: number;
          }
        | {
            /** @constant */
            type: 'updateFields';
            fields: {
              [key: string]: string | number | boolean | null;
            };
          }
        | {
            /** @constant */
            type: 'createTodo';
            assignee:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            title: string;
            dueInMinutes: number;
          }
        | {
            /** @constant */
            type: 'notify';
            recipient:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            message: string;
          }
        | {
            /** @constant */
            type: 'assignOwner';
            /**
             * Format: uuid
             * @description None: the company's lead-assignment rules decide
             */
            userId?: string;
          }
        | {
            /** @constant */
            type: 'webhook';
            url: string;
            /** @description Extra request headers; the body is signed like outbound channels (x-cairn-signature) */
            headers?: {
              [key: string]: string;
            };
          }
        | {
            /** @constant */
            type: 'startApproval';
            /**
             * @description the approvals Cairn has that a record starts: a contract deletion
             * @constant
             */
            kind: 'contract_delete';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            reason: string;
          }
      )[];
      /** @description Enabling a paused rule resumes it */
      enabled?: boolean;
      /** Format: uuid */
      ownerId?: string;
      serviceUserId?: string | null;
      maxFailures?: number;
      maxRunsPerHour?: number | null;
      /** @description The version you edited; a stale one answers 409 */
      version: number;
    };
    AutomationRuleInput: {
      id: string;
      name: string;
      ownerId: string;
      serviceUserId: string | null;
      enabled: boolean;
      version: number;
      trigger:
        | {
            /** @constant */
            type: 'record';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @enum {string} */
            on: 'created' | 'updated' | 'deleted';
            /** @description updated only: run only when one of these fields changed */
            fields?: string[];
          }
        | {
            /**
             * @description an inbound call record (POST /api/v1/events/calls)
             * @constant
             */
            type: 'call';
          }
        | {
            /**
             * @description a file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files)
             * @constant
             */
            type: 'imFileSent';
          }
        | {
            /**
             * @description a meeting transcript analysed and recorded as a follow-up
             * @constant
             */
            type: 'transcriptReady';
          }
        | {
            /**
             * @description an intake record applied: a customer created or updated from a channel
             * @constant
             */
            type: 'intakeApplied';
            /** @description only records of this channel (its key); none: every channel's */
            channel?: string;
          }
        | {
            /** @constant */
            type: 'schedule';
            /** @description minute hour day month weekday, in the company's time zone; fires once per slot */
            cron: string;
          }
        | {
            /** @constant */
            type: 'relative';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @description a date or date-time field of the record */
            field: string;
            /** @description days after the field (negative: before) */
            offsetDays: number;
            /**
             * @description time of day in the company's time zone
             * @default 09:00
             */
            at: string;
          }
        | {
            /** @constant */
            type: 'manual';
            /**
             * @description run by POST /api/v1/automation-rules/{id}/run on records of this type
             * @enum {string}
             */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
          };
      conditions: components['schemas']['AutomationConditionInput'] | null;
      actions: (
        | {
            /** @constant */
            type: 'createFollowup';
            /** @enum {string} */
            status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
            /** @enum {string} */
            kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            template: string;
            nextStepInDays?: number;
          }
        | {
            /** @constant */
            type: 'updateFields';
            fields: {
              [key: string]: string | number | boolean | null;
            };
          }
        | {
            /** @constant */
            type: 'createTodo';
            assignee:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            title: string;
            dueInMinutes: number;
          }
        | {
            /** @constant */
            type: 'notify';
            recipient:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            message: string;
          }
        | {
            /** @constant */
            type: 'assignOwner';
            /**
             * Format: uuid
             * @description None: the company's lead-assignment rules decide
             */
            userId?: string;
          }
        | {
            /** @constant */
            type: 'webhook';
            url: string;
            /** @description Extra request headers; the body is signed like outbound channels (x-cairn-signature) */
            headers?: {
              [key: string]: string;
            };
          }
        | {
            /** @constant */
            type: 'startApproval';
            /**
             * @description the approvals Cairn has that a record starts: a contract deletion
             * @constant
             */
            kind: 'contract_delete';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            reason: string;
          }
      )[];
      maxFailures: number;
      maxRunsPerHour: number | null;
      failureStreak: number;
      pausedAt: string | null;
      pausedReason: string | null;
      createdAt: string;
      updatedAt: string;
      /** @description Only in the answer that gave the rule its first webhook action: the key its calls are signed with */
      webhookSecret?: string;
    };
    AutomationRunInput: {
      id: string;
      ruleId: string;
      ruleVersion: number;
      eventId: string;
      topic: string;
      /** @description 1 for an event a person caused; +1 for each rule in a chain */
      depth: number;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'skipped' | 'failed' | 'stopped' | 'rate_limited';
      triggerPayload: unknown;
      conditions: {
        result: boolean;
        steps: {
          /** @description Where in the tree, e.g. all[1].condition */
          path: string;
          op: string;
          field?: string;
          actual?: unknown;
          result: boolean;
        }[];
      } | null;
      actions: {
        index: number;
        type: string;
        input: unknown;
        output?: unknown;
        startedAt: string;
        durationMs: number;
        error?: {
          code: string;
          message: string;
        };
      }[];
      errorCode: string | null;
      error: string | null;
      identityUserId: string | null;
      /** @description The failed run this one reran */
      rerunOf: string | null;
      /** @description A rerun: the index of the action it started at */
      fromStep: number | null;
      startedAt: string;
      finishedAt: string | null;
    };
    CallRecordInput: {
      id: string;
      callId: string;
      direction: string;
      status: string;
      /** @description Masked: 138****1234 */
      from: string;
      /** @description Masked */
      to: string;
      agentUserId: string | null;
      startedAt: string;
      talkSeconds: number;
      hasRecording: boolean;
      customerId: string | null;
      contactId: string | null;
      matchNote: string | null;
      followupId: string | null;
      format: string;
      receivedAt: string;
    };
    TodoInput: {
      id: string;
      /**
       * @description a to-do, or the next step of a follow-up the caller wrote (its id is the follow-up's)
       * @enum {string}
       */
      kind: 'todo' | 'nextStep';
      /** @description a next step's text as the caller's field view shows it (null when hidden) */
      title: string | null;
      dueAt: string;
      recordType: string | null;
      recordId: string | null;
      ruleId: string | null;
      completedAt: string | null;
      customerId: string | null;
    };
    SmartButtonTapInput: {
      followupId: string;
      customerId: string;
      buttonKey: string;
      status: string;
      nextStepAt: string | null;
      /** @description true when this Idempotency-Key already saved the follow-up: nothing new was written */
      duplicate: boolean;
    };
    TranscriptLexiconInput: {
      entries: {
        kind: string;
        phrase: string;
      }[];
      /** @description The company has not saved its own lexicon; these are the defaults */
      isDefault: boolean;
    };
    TranscriptInput: {
      id: string;
      /** @description text or audio */
      source: string;
      /** @description received, processed, unmatched or failed */
      status: string;
      customerId: string | null;
      /** @description Masked */
      phone: string | null;
      utterances: number;
      matchNote: string | null;
      followupId: string | null;
      opportunityId: string | null;
      error: string | null;
      receivedAt: string;
      processedAt: string | null;
    };
    FollowupTemplateEntryInput: {
      id: string;
      title: string;
      body: string;
      status: string | null;
      kind: string | null;
      version: number;
      createdAt: string;
      updatedAt: string;
      /** @description When you last created a follow-up from it; null: never */
      lastUsedAt: string | null;
      /** @description How many follow-ups you created from it */
      uses: number;
      can: {
        update: boolean;
        delete: boolean;
      };
    };
    WecomExternalContactInput: {
      externalUserId: string;
      customerId: string;
      contactId: string | null;
      name: string | null;
      updatedAt: string;
    };
    CustomerCreateInput: {
      name: string;
      shortName?: string | null;
      creditCode?: string | null;
      industry?: string | null;
      level?: ('A' | 'B' | 'C' | 'D') | null;
      source?: ('website' | 'referral' | 'exhibition' | 'cold_call' | 'partner' | 'advertising' | 'other') | null;
      region?: string | null;
      mainPhone?: string | null;
      /** @description Defaults to the creator */
      ownerId?: string | null;
      /** @enum {string} */
      status?: 'active' | 'dormant' | 'lost';
      tags?: string[];
      custom?: {
        [key: string]: unknown;
      };
    };
    CustomerUpdateInput: {
      name?: string;
      shortName?: string | null;
      creditCode?: string | null;
      industry?: string | null;
      level?: ('A' | 'B' | 'C' | 'D') | null;
      source?: ('website' | 'referral' | 'exhibition' | 'cold_call' | 'partner' | 'advertising' | 'other') | null;
      region?: string | null;
      mainPhone?: string | null;
      /** @description Defaults to the creator */
      ownerId?: string | null;
      /** @enum {string} */
      status?: 'active' | 'dormant' | 'lost';
      tags?: string[];
      custom?: {
        [key: string]: unknown;
      };
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    ContactCreateInput: {
      /** Format: uuid */
      customerId: string;
      name: string;
      title?: string | null;
      mobile?: string | null;
      email?: string | null;
      wecomId?: string | null;
      isPrimary?: boolean;
      custom?: {
        [key: string]: unknown;
      };
    };
    ContactUpdateInput: {
      name?: string;
      title?: string | null;
      mobile?: string | null;
      email?: string | null;
      wecomId?: string | null;
      isPrimary?: boolean;
      custom?: {
        [key: string]: unknown;
      };
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    OpportunityCreateInput: {
      /** Format: uuid */
      customerId: string;
      name: string;
      amount?: string | number;
      /**
       * @default CNY
       * @enum {string}
       */
      currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /**
       * @default initial
       * @enum {string}
       */
      stage: 'initial' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
      expectedCloseDate?: string | null;
      /** @description Defaults to the customer owner, else the creator */
      ownerId?: string | null;
      custom?: {
        [key: string]: unknown;
      };
    };
    OpportunityUpdateInput: {
      name?: string;
      amount?: string | number;
      /** @enum {string} */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** @enum {string} */
      stage?: 'initial' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
      expectedCloseDate?: string | null;
      /** @description Defaults to the customer owner, else the creator */
      ownerId?: string | null;
      custom?: {
        [key: string]: unknown;
      };
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    FollowupCreateInput: {
      /** Format: uuid */
      customerId: string;
      opportunityId?: string | null;
      /** @enum {string} */
      kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
      /**
       * @default initial_contact
       * @enum {string}
       */
      status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
      content: string;
      nextStep?: string | null;
      nextStepAt?: string | null;
      /**
       * @description How it was captured; the record presents `source` as the event it was recorded from
       * @default manual
       * @enum {string}
       */
      source: 'manual' | 'call' | 'im' | 'meeting' | 'button' | 'import';
      /**
       * Format: date-time
       * @description When it happened; defaults to now
       */
      occurredAt?: string;
      /**
       * Format: uuid
       * @description The follow-up template it was written from: recorded as your use of it (your recent templates)
       */
      templateId?: string;
    };
    FollowupUpdateInput: {
      opportunityId?: string | null;
      /** @enum {string} */
      kind?: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
      /** @enum {string} */
      status?: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
      content?: string;
      nextStep?: string | null;
      nextStepAt?: string | null;
      /** Format: date-time */
      occurredAt?: string;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    ContractInstallmentInput: {
      id: string;
      seq: number;
      dueDate: string;
      amount: string;
      receivedAmount: string;
    };
    ContractCreateInput: {
      /** Format: uuid */
      customerId: string;
      opportunityId?: string | null;
      number: string;
      title?: string | null;
      signedDate?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      /** @enum {string} */
      currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** @description Contract amount including tax */
      amountInclTax: string | number;
      taxRate?: string | number;
      /**
       * @default draft
       * @enum {string}
       */
      status: 'draft' | 'active' | 'completed' | 'terminated';
      ownerId?: string | null;
      /** @description The installment plan; amounts must add up to amountInclTax */
      installments?: {
        dueDate: string;
        amount: string | number;
      }[];
    };
    ContractUpdateInput: {
      opportunityId?: string | null;
      number?: string;
      title?: string | null;
      signedDate?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      /** @enum {string} */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** @description Contract amount including tax */
      amountInclTax?: string | number;
      taxRate?: string | number;
      /** @enum {string} */
      status?: 'draft' | 'active' | 'completed' | 'terminated';
      ownerId?: string | null;
      /** @description The installment plan; amounts must add up to amountInclTax */
      installments?: {
        dueDate: string;
        amount: string | number;
      }[];
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    PaymentCreateInput: {
      /** Format: uuid */
      contractId: string;
      installmentId?: string | null;
      amount: string | number;
      /** @description Defaults to the contract's currency; must match it */
      currency?: string;
      receivedDate: string;
      method?: string | null;
      reference?: string | null;
      note?: string | null;
    };
    PaymentUpdateInput: {
      installmentId?: string | null;
      amount?: string | number;
      /** @description Defaults to the contract's currency; must match it */
      currency?: string;
      receivedDate?: string;
      method?: string | null;
      reference?: string | null;
      note?: string | null;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    ProductCreateInput: {
      sku: string;
      name: string;
      unitPrice: string | number;
      /**
       * @default CNY
       * @enum {string}
       */
      currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      isActive?: boolean;
    };
    ProductUpdateInput: {
      sku?: string;
      name?: string;
      unitPrice?: string | number;
      /** @enum {string} */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      isActive?: boolean;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    OrderCreateInput: {
      /** Format: uuid */
      customerId: string;
      sku: string;
      quantity: string | number;
      /** @description Defaults to unit price × quantity */
      amount?: string | number;
      /**
       * @description Defaults to the product's currency
       * @enum {string}
       */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** Format: date-time */
      orderedAt?: string;
      ownerId?: string | null;
    };
    OrderUpdateInput: {
      sku?: string;
      quantity?: string | number;
      /** @description Defaults to unit price × quantity */
      amount?: string | number;
      /**
       * @description Defaults to the product's currency
       * @enum {string}
       */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** Format: date-time */
      orderedAt?: string;
      ownerId?: string | null;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    DepartmentCreateInput: {
      name: string;
      /** @description The parent department; omit for a top-level one */
      parentId?: string | null;
      sortOrder?: number;
    };
    DepartmentUpdateInput: {
      name?: string;
      /** @description The parent department; omit for a top-level one */
      parentId?: string | null;
      sortOrder?: number;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    UserCreateInput: {
      username: string;
      displayName: string;
      employeeNo?: string | null;
      departmentId?: string | null;
      managerId?: string | null;
      hireDate?: string | null;
      phone?: string | null;
      email?: string | null;
      wecomUserId?: string | null;
      /**
       * @default member
       * @enum {string}
       */
      role: 'admin' | 'member';
      isActive?: boolean;
      /** @description Initial password; without one the user cannot sign in until it is reset */
      password?: string;
    };
    UserUpdateInput: {
      username?: string;
      displayName?: string;
      employeeNo?: string | null;
      departmentId?: string | null;
      managerId?: string | null;
      hireDate?: string | null;
      phone?: string | null;
      email?: string | null;
      wecomUserId?: string | null;
      /** @enum {string} */
      role?: 'admin' | 'member';
      isActive?: boolean;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    CustomFieldCreateInput: {
      /** @enum {string} */
      objectType: 'customer' | 'contact' | 'opportunity';
      key: string;
      label: string;
      /** @enum {string} */
      type: 'text' | 'number' | 'date' | 'singleSelect' | 'multiSelect' | 'phone' | 'email' | 'money';
      /** @description Choices for singleSelect and multiSelect */
      options?: string[];
      /** @default false */
      required: boolean;
      sortOrder?: number;
    };
    CustomFieldUpdateInput: {
      label?: string;
      options?: string[];
      required?: boolean;
      sortOrder?: number;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    FollowupTemplateCreateInput: {
      title: string;
      body: string;
      /** @description The follow-up status it records; null: unchanged */
      status?: ('initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed') | null;
      /** @description The follow-up kind it records; null: unchanged */
      kind?: ('call' | 'visit' | 'im' | 'meeting' | 'email' | 'other') | null;
    };
    FollowupTemplateUpdateInput: {
      title?: string;
      body?: string;
      /** @description The follow-up status it records; null: unchanged */
      status?: ('initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed') | null;
      /** @description The follow-up kind it records; null: unchanged */
      kind?: ('call' | 'visit' | 'im' | 'meeting' | 'email' | 'other') | null;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    AttachmentInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      recordType?: string | null;
      recordId?: string | null;
      customerId?: string | null;
      name?: string | null;
      mimeType?: string | null;
      sizeBytes?: number | null;
      sha256?: string | null;
      /** @description Images only: pending, done or failed (the WebP variants are made in a job); null for other files */
      processing?: string | null;
      /** @description Why the image could not be converted */
      processingError?: string | null;
      /** @description Images only, once converted: {web: {url, width, height, bytes}, thumb: {…}} */
      variants?: {
        [key: string]: unknown;
      } | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    CustomerInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      name?: string | null;
      shortName?: string | null;
      /** @description Unified social credit code */
      creditCode?: string | null;
      industry?: string | null;
      level?: string | null;
      source?: string | null;
      region?: string | null;
      /** @description As entered */
      mainPhone?: string | null;
      ownerId?: string | null;
      status?: string | null;
      /** @description When the latest follow-up happened (kept by the database on every follow-up write) */
      lastFollowupAt?: string | null;
      /** @description The lead-assignment rule that chose the owner (set by the assignment, never by a request body) */
      assignedByRuleId?: string | null;
      /** @description The version of that rule when it assigned the customer */
      assignedRuleVersion?: number | null;
      /** @description Why the rule chose the owner, e.g. "round-robin 3/5 in 销售一组" */
      assignmentReason?: string | null;
      tags?: string[] | null;
      /** @description Custom field values by key */
      custom?: {
        [key: string]: unknown;
      };
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      contacts?: components['schemas']['ContactInput'][];
      opportunities?: components['schemas']['OpportunityInput'][];
      followups?: components['schemas']['FollowupInput'][];
      contracts?: components['schemas']['ContractInput'][];
      orders?: components['schemas']['OrderInput'][];
      attachments?: components['schemas']['AttachmentInput'][];
    };
    ContactInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      name?: string | null;
      title?: string | null;
      mobile?: string | null;
      email?: string | null;
      wecomId?: string | null;
      isPrimary?: boolean | null;
      /** @description Custom field values by key */
      custom?: {
        [key: string]: unknown;
      };
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      attachments?: components['schemas']['AttachmentInput'][];
    };
    OpportunityInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      name?: string | null;
      amount?: string | null;
      currency?: string | null;
      stage?: string | null;
      expectedCloseDate?: string | null;
      ownerId?: string | null;
      /** @description Custom field values by key */
      custom?: {
        [key: string]: unknown;
      };
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      followups?: components['schemas']['FollowupInput'][];
      contracts?: components['schemas']['ContractInput'][];
      attachments?: components['schemas']['AttachmentInput'][];
    };
    FollowupInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      opportunityId?: string | null;
      kind?: string | null;
      status?: string | null;
      content?: string | null;
      nextStep?: string | null;
      nextStepAt?: string | null;
      authorId?: string | null;
      /** @description A meeting transcript’s summary (read-only) */
      summary?: string | null;
      occurredAt?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description The event the follow-up was recorded from (read-only): type call, wecomFile, transcript, smartButton or manual */
      source?: {
        /** @enum {string} */
        type: 'call' | 'wecomFile' | 'transcript' | 'smartButton' | 'manual';
        id: string | null;
      } | null;
      /** @description The customer objections a meeting transcript showed: kind price, competitor, timing, authority or feature_gap (read-only) */
      objections?:
        | {
            kind: string;
            text: string;
            speaker: string;
            at: string;
          }[]
        | null;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      attachments?: components['schemas']['AttachmentInput'][];
    };
    ContractInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      opportunityId?: string | null;
      number?: string | null;
      title?: string | null;
      signedDate?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      currency?: string | null;
      amountInclTax?: string | null;
      taxRate?: string | null;
      status?: string | null;
      ownerId?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      installments?: components['schemas']['ContractInstallmentInput'][];
      /** @description Sum of payments received */
      receivedAmount?: string;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      payments?: components['schemas']['PaymentInput'][];
      attachments?: components['schemas']['AttachmentInput'][];
    };
    InstallmentInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      contractId?: string | null;
      seq?: number | null;
      dueDate?: string | null;
      amount?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    PaymentInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      contractId?: string | null;
      installmentId?: string | null;
      amount?: string | null;
      currency?: string | null;
      receivedDate?: string | null;
      method?: string | null;
      reference?: string | null;
      note?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    ProductInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      sku?: string | null;
      name?: string | null;
      unitPrice?: string | null;
      currency?: string | null;
      isActive?: boolean | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    OrderInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      productId?: string | null;
      sku?: string | null;
      quantity?: string | null;
      amount?: string | null;
      currency?: string | null;
      orderedAt?: string | null;
      ownerId?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    DepartmentInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      name?: string | null;
      parentId?: string | null;
      /** @description Ids from the root, /a/b/ */
      path?: string | null;
      sortOrder?: number | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      users?: components['schemas']['UserInput'][];
      children?: components['schemas']['DepartmentInput'][];
    };
    UserInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      username?: string | null;
      displayName?: string | null;
      employeeNo?: string | null;
      departmentId?: string | null;
      managerId?: string | null;
      hireDate?: string | null;
      phone?: string | null;
      email?: string | null;
      /** @description The WeCom member id (企业微信 userid) notifications are also sent to */
      wecomUserId?: string | null;
      role?: string | null;
      isActive?: boolean | null;
      isService?: boolean | null;
      lastLoginAt?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      customers?: components['schemas']['CustomerInput'][];
    };
    CustomFieldInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      objectType?: string | null;
      key?: string | null;
      label?: string | null;
      type?: string | null;
      options?: string[] | null;
      required?: boolean | null;
      sortOrder?: number | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    FollowupTemplateInput: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      /** @description Unique in the company (case-insensitive) */
      title?: string | null;
      /** @description The follow-up text the template fills in */
      body?: string | null;
      status?: string | null;
      kind?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    Error: {
      error: {
        code: string;
        message: string;
        details: {
          [key: string]: unknown;
        };
      };
    };
    ApiKey: {
      id: string;
      name: string;
      prefix: string;
      userId: string;
      expiresAt: string | null;
      lastUsedAt: string | null;
      createdAt: string;
    };
    SessionUser: {
      id: string;
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'admin' | 'member';
      tenantId: string;
      tenantName: string;
    };
    EffectivePermissions: {
      /** @description Per object, the actions the user holds some grant of (the data scope still decides which records) */
      functions: {
        [key: string]: ('create' | 'read' | 'update' | 'delete' | 'export' | 'import')[];
      };
      /** @description System permissions the user holds */
      system: (
        | 'manageUsers'
        | 'manageRoles'
        | 'manageIntegrations'
        | 'runBackgroundSync'
        | 'manageReportDefinitions'
        | 'approveExports'
        | 'approveContractDeletion'
        | 'viewAudit'
      )[];
    };
    AuditEntry: {
      id: string;
      occurredAt: string;
      actorId: string | null;
      actorName: string | null;
      action: string;
      recordType: string;
      recordId: string;
      changes: {
        [key: string]: {
          before: unknown;
          after: unknown;
        };
      };
      requestId: string | null;
      ip: string | null;
      userAgent: string | null;
      /** @description The integration channel whose inbound record made this change (its service identity is the actor) */
      via: {
        channelId: string;
        channelKey: string;
        intakeId: string;
      } | null;
    };
    RecycleBinEntry: {
      id: string;
      recordType: string;
      recordId: string;
      title: string;
      deletedAt: string;
      deletedBy: string | null;
      /** @description When the daily purge removes it for good */
      purgeAfter: string;
    };
    AttachmentUpdate: {
      name?: string;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    TenantSettings: {
      /** @description Days a deleted record stays restorable before the daily purge */
      recycleRetentionDays: number;
      /** @description The 5 essential fields of the phone lite view */
      liteFields: string[];
      /** @description Delete, export and attachment management never pass down role inheritance; several roles combine as a union of their own grants */
      leastPrivilege: boolean;
      /** @description Days a new hire stays in the sandbox after the hire date (0 turns it off) */
      sandboxDays: number;
      /** @description Follow-ups older than this cannot be edited; corrections are appended as amendments */
      followupEditWindowHours: number;
      /** @description The company's IANA time zone: scheduled pulls and the company's cron schedules run in it */
      timeZone: string;
      /** @description The oldest app version served: older apps (x-cairn-client) get 426 and upgrade */
      minClientVersion: string;
      /** @description Keep uploaded images' original files beside their WebP variants (off: the web variant replaces the original) */
      keepImageOriginals: boolean;
    };
    Tenant: {
      id: string;
      name: string;
      slug: string;
      settings: {
        /** @description Days a deleted record stays restorable before the daily purge */
        recycleRetentionDays?: number;
        /** @description The 5 essential fields of the phone lite view */
        liteFields?: string[];
        /** @description Delete, export and attachment management never pass down role inheritance; several roles combine as a union of their own grants */
        leastPrivilege?: boolean;
        /** @description Days a new hire stays in the sandbox after the hire date (0 turns it off) */
        sandboxDays?: number;
        /** @description Follow-ups older than this cannot be edited; corrections are appended as amendments */
        followupEditWindowHours?: number;
        /** @description The company's IANA time zone: scheduled pulls and the company's cron schedules run in it */
        timeZone?: string;
        /** @description The oldest app version served: older apps (x-cairn-client) get 426 and upgrade */
        minClientVersion?: string;
        /** @description Keep uploaded images' original files beside their WebP variants (off: the web variant replaces the original) */
        keepImageOriginals?: boolean;
      };
    };
    FollowupAmendment: {
      id: string;
      followupId: string;
      /** @description Left out, or masked, when the follow-up content is for you */
      content?: string;
      authorId: string | null;
      authorName: string | null;
      createdAt: string;
    };
    CustomerExportRequest: {
      /** @description Customer fields, custom fields as custom.<key> */
      fields: string[];
      /** @description The list filter, as a JSON string or an object */
      filter?:
        | string
        | {
            [key: string]: unknown;
          };
      /**
       * @default csv
       * @enum {string}
       */
      format: 'csv' | 'xlsx';
    };
    Approval: {
      id: string;
      /** @enum {string} */
      kind: 'contract_delete' | 'export';
      /** @enum {string} */
      status: 'pending' | 'approved' | 'rejected' | 'executed' | 'failed' | 'cancelled';
      requestedBy: string;
      requestedByName: string | null;
      payload: {
        [key: string]: unknown;
      };
      reason: string | null;
      decidedBy: string | null;
      decidedByName: string | null;
      decidedAt: string | null;
      decisionReason: string | null;
      result: {
        [key: string]: unknown;
      } | null;
      createdAt: string;
      updatedAt: string;
      version: number;
    };
    ApprovalCreate:
      | {
          /** @constant */
          kind: 'contract_delete';
          payload: {
            /** Format: uuid */
            contractId: string;
          };
          reason: string;
        }
      | {
          /** @constant */
          kind: 'export';
          payload: components['schemas']['CustomerExportRequest'];
          reason?: string;
        };
    CustomerMerge: {
      /**
       * Format: uuid
       * @description The customer that stays
       */
      targetId: string;
      /** @description Customers merged into the target, in order of precedence; they go to the recycle bin */
      sourceIds: string[];
    };
    GrantInput: {
      /** @enum {string} */
      object:
        | 'customer'
        | 'contact'
        | 'opportunity'
        | 'followup'
        | 'contract'
        | 'payment'
        | 'attachment'
        | 'order'
        | 'product'
        | 'report'
        | 'user'
        | 'role'
        | 'settings'
        | 'system';
      action: string;
      /**
       * @default all
       * @enum {string}
       */
      scope: 'own' | 'own_assigned' | 'department' | 'department_tree' | 'all' | 'custom' | 'inherit';
      /** @description For scope "custom": a list filter, e.g. {"region":"华东"} */
      filter?: {
        [key: string]: unknown;
      } | null;
    };
    FieldRuleInput: {
      /** @enum {string} */
      object:
        | 'customer'
        | 'contact'
        | 'opportunity'
        | 'followup'
        | 'contract'
        | 'payment'
        | 'attachment'
        | 'order'
        | 'product'
        | 'report'
        | 'user'
        | 'role'
        | 'settings';
      field: string;
      /** @enum {string} */
      rule: 'hidden' | 'readonly' | 'masked';
    };
    RoleCreate: {
      name: string;
      description?: string | null;
      parentRoleId?: string | null;
      /** @default [] */
      grants: components['schemas']['GrantInput'][];
      /** @default [] */
      fieldRules: components['schemas']['FieldRuleInput'][];
    };
    RoleUpdate: {
      name?: string;
      description?: string | null;
      parentRoleId?: string | null;
      /** @enum {string} */
      status?: 'active' | 'disabled';
      grants?: components['schemas']['GrantInput'][];
      fieldRules?: components['schemas']['FieldRuleInput'][];
      version: number;
    };
    Role: {
      id: string;
      name: string;
      description: string | null;
      parentRoleId: string | null;
      status: string;
      statusReason: string | null;
      /** @description Why the role grants nothing right now (depth, cycle, disabled) */
      suspendedReason: string | null;
      isSystem: boolean;
      /** @description Role names from this role up its inheritance */
      chain: string[];
      depth: number;
      holders: number;
      grants: {
        object: string;
        action: string;
        scope: string;
        filter: {
          [key: string]: unknown;
        } | null;
      }[];
      fieldRules: {
        object: string;
        field: string;
        rule: string;
      }[];
      version: number;
    };
    SimulateRequest: {
      changes: (
        | {
            /** @constant */
            op: 'addUserRole';
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            roleId: string;
          }
        | {
            /** @constant */
            op: 'removeUserRole';
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            roleId: string;
          }
        | {
            /** @constant */
            op: 'setRoleParent';
            /** Format: uuid */
            roleId: string;
            parentRoleId: string | null;
          }
        | {
            /** @constant */
            op: 'setGrant';
            /** Format: uuid */
            roleId: string;
            /** @enum {string} */
            object:
              | 'customer'
              | 'contact'
              | 'opportunity'
              | 'followup'
              | 'contract'
              | 'payment'
              | 'attachment'
              | 'order'
              | 'product'
              | 'report'
              | 'user'
              | 'role'
              | 'settings'
              | 'system';
            action: string;
            /** @enum {string} */
            scope: 'own' | 'own_assigned' | 'department' | 'department_tree' | 'all' | 'custom' | 'inherit' | 'none';
          }
      )[];
    };
    PullRun: {
      id: string;
      /** @enum {string} */
      trigger: 'schedule' | 'manual';
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed';
      startedAt: string;
      finishedAt: string | null;
      pages: number;
      /** @description Records taken (stored now, or already stored by an earlier run) */
      records: number;
      /** @description Records new to Cairn, queued for processing */
      stored: number;
      /** @description Records without a cursor value: taken and counted, never skipped */
      missingCursor: number;
      cursorBefore: string | null;
      cursorAfter: string | null;
      httpStatus: number | null;
      /** @description Why it failed: remote_4xx, remote_5xx, timeout or validation */
      reason: string | null;
      message: string | null;
    };
    ChannelHealth: {
      /** @enum {string} */
      status: 'ok' | 'degraded' | 'error';
      /** @description What stops the channel, e.g. a grant its service identity lacks */
      errors: string[];
      warnings: string[];
      /** @description Required grants the service identity lacks: runBackgroundSync, customer.read, customer.create, customer.update */
      missingGrants: string[];
      queued: number;
      review: number;
      deadLetters: number;
      /** @description Age in seconds of the oldest record still waiting (0 when none) */
      lagSeconds: number;
      /** @description p95 seconds from receipt (outbound: from the event) to outcome over the last 24 hours */
      p95LagSeconds: number | null;
      /** @description Share of the last 24 hours' settled records that became dead letters (0–1) */
      failureRate: number;
      /** @description Records settled in the last 24 hours */
      settled24h: number;
      lastSuccessAt: string | null;
      lastError: string | null;
      lastErrorAt: string | null;
      /** @description Pull channels: the latest run (null for other kinds, or before the first) */
      lastRun: components['schemas']['PullRun'] | null;
    };
    Channel: {
      id: string;
      key: string;
      name: string;
      /** @enum {string} */
      kind: 'webhook' | 'pull' | 'import' | 'outbound';
      /** @enum {string} */
      trigger: 'realtime' | 'scheduled';
      mapping: {
        [key: string]: unknown;
      }[];
      mergePolicy: {
        [key: string]: unknown;
      };
      matchOrder: string[];
      idempotencyField: string | null;
      serviceUserId: string | null;
      retryBaseSeconds: number;
      retryLimit: number;
      config: {
        [key: string]: unknown;
      };
      /** @description Pull channels: the names of the headers sent to the source (their values are never answered) */
      authHeaders: string[];
      health: components['schemas']['ChannelHealth'];
      version: number;
      createdAt: string;
      updatedAt: string;
    };
    IntakeStatus: {
      id: string;
      /** @enum {string} */
      status: 'queued' | 'created' | 'updated' | 'unchanged' | 'review' | 'dead';
      recordType: string | null;
      recordId: string | null;
      /** @description validation, mapping, permission, conflict, remote_4xx, remote_5xx or timeout */
      reason: string | null;
      attempts: number;
    };
    DeadLetter: {
      id: string;
      channelId: string;
      channelKey: string;
      /**
       * @description inbound: a record that could not be applied; outbound: a delivery that ran out of retries
       * @enum {string}
       */
      direction: 'inbound' | 'outbound';
      /** @description validation, mapping, permission, conflict, remote_4xx, remote_5xx or timeout */
      reason: string;
      lastError: string | null;
      attempts: number;
      receivedAt: string;
      failedAt: string | null;
      payload: {
        [key: string]: unknown;
      };
    };
    ReviewItem: {
      id: string;
      channelId: string;
      channelKey: string;
      candidates: {
        id: string;
        name: string | null;
      }[];
      receivedAt: string;
      payload: {
        [key: string]: unknown;
      };
    };
    OutboundDeliveryAttempt: {
      id: string;
      deliveryId: string;
      eventId: string;
      eventType: string;
      /** @description 1 for the first attempt */
      attempt: number;
      /** @description null when no answer came (timeout, refused connection) */
      responseCode: number | null;
      durationMs: number;
      error: string | null;
      /** @enum {string} */
      outcome: 'delivered' | 'retry' | 'dead';
      at: string;
    };
    Import: {
      id: string;
      channelId: string;
      fileName: string;
      /** @enum {string} */
      format: 'csv' | 'xlsx';
      /** @description sha256 of the file; with the row number, the idempotency key of each row */
      fileHash: string;
      sizeBytes: number;
      columns: string[];
      /** @enum {string} */
      status: 'uploaded' | 'queued' | 'running' | 'finished' | 'failed';
      progress: {
        totalRows: number;
        processedRows: number;
        /** @description 0–100 */
        percent: number;
        rowsPerSecond: number;
        /** @description Rows failed so far: dead letters and rows waiting for a retry */
        errors: number;
      };
      counts: {
        created: number;
        updated: number;
        unchanged: number;
        review: number;
        dead: number;
        /** @description Failed once, waiting for a retry */
        retrying: number;
        queued: number;
        /** @description Rows an earlier import of the same file already stored: not applied again */
        repeated: number;
      };
      deadByReason: {
        [key: string]: number;
      };
      /** @description Mapping sources that are not columns of this file, and the like */
      mappingWarnings: string[];
      startedAt: string | null;
      finishedAt: string | null;
      lastError: string | null;
      createdAt: string;
    };
    AssignmentRuleCreate: {
      name: string;
      /** @description Order among the rules; default: last */
      position?: number;
      /**
       * @description All must match (an empty list matches every customer)
       * @default []
       */
      conditions: {
        field: string;
        /**
         * @default eq
         * @enum {string}
         */
        op: 'eq' | 'in' | 'prefix';
        value: string | string[];
      }[];
      target:
        | {
            /** @constant */
            type: 'user';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'fallback';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'round_robin';
            /** Format: uuid */
            departmentId: string;
          }
        | {
            /** @constant */
            type: 'least_loaded';
            /** Format: uuid */
            departmentId: string;
            /** @description Most open leads per rep; none = no cap */
            capacity?: number | null;
          };
      /** @default true */
      isActive: boolean;
    };
    AssignmentRuleUpdate: {
      name?: string;
      /** @description Order among the rules; default: last */
      position?: number;
      conditions?: {
        field: string;
        /**
         * @default eq
         * @enum {string}
         */
        op: 'eq' | 'in' | 'prefix';
        value: string | string[];
      }[];
      target?:
        | {
            /** @constant */
            type: 'user';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'fallback';
            /** Format: uuid */
            userId: string;
          }
        | {
            /** @constant */
            type: 'round_robin';
            /** Format: uuid */
            departmentId: string;
          }
        | {
            /** @constant */
            type: 'least_loaded';
            /** Format: uuid */
            departmentId: string;
            /** @description Most open leads per rep; none = no cap */
            capacity?: number | null;
          };
      isActive?: boolean;
      /** @description The version you edited; a stale one answers 409 */
      version?: number;
    };
    AssignmentRule: {
      id: string;
      name: string;
      position: number;
      conditions: {
        field: string;
        /** @enum {string} */
        op: 'eq' | 'in' | 'prefix';
        value: string | string[];
      }[];
      target: {
        /** @enum {string} */
        type: 'user' | 'fallback' | 'round_robin' | 'least_loaded';
        userId: string | null;
        departmentId: string | null;
        capacity: number | null;
      };
      isActive: boolean;
      version: number;
      createdAt: string;
      updatedAt: string;
    };
    ConsistencyFix: {
      /**
       * Format: uuid
       * @description Reassign: the new owner (default: the former owner's manager)
       */
      toUserId?: string;
      /**
       * Format: uuid
       * @description Merge: the customer that stays (default: the oldest)
       */
      targetId?: string;
    };
    ConsistencyReport: {
      id: string;
      /** @enum {string} */
      trigger: 'cli' | 'api' | 'schedule';
      createdAt: string;
      finishedAt: string | null;
      /** @description All findings of the report, including those you cannot see */
      findings: number;
      byCheck: {
        [key: string]: number;
      };
    };
    ConsistencyFinding: {
      id: string;
      /** @enum {string} */
      check: 'orphaned_contact' | 'phone_mismatch' | 'duplicate_customer' | 'unindexed_foreign_key' | 'inactive_owner';
      recordType: string | null;
      recordCount: number;
      /** @description The first 20 records, titled as you see them */
      records: {
        id: string;
        title: string | null;
      }[];
      detail: {
        [key: string]: unknown;
      };
      suggestedFix: string;
      /** @description The one-click fix, if there is a safe one */
      fix: ('reassign_owner' | 'merge') | null;
      fixedAt: string | null;
    };
    MetricDefinitionDocument: {
      /**
       * @description signed: contract amount on its signed date; invoiced: installments on their due date; received: payments (allocated to installments) on their received date; ordered: orders on their order day; pipeline: opportunities on their expected close date (stage dimension); receivables: installments due by `to` and still unpaid on `to`, aged in days (ageBucket dimension)
       * @enum {string}
       */
      basis: 'signed' | 'invoiced' | 'received' | 'ordered' | 'pipeline' | 'receivables';
      /**
       * @description net divides by (1 + the contract's tax rate); orders carry no tax rate and count as they are
       * @enum {string}
       */
      amount: 'taxInclusive' | 'net';
      currency: {
        /** @enum {string} */
        target: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
        /**
         * @description the rate on the basis date, or on the last day of its month
         * @enum {string}
         */
        rateRule: 'basisDate' | 'monthEnd';
        /** @description the fx-rate set to take rates from, e.g. CFETS-midpoint */
        rateSet: string;
        /**
         * @description error: a missing rate answers 422 FX_RATE_MISSING; lastPublishedBefore: use the last rate published before the date, and say so in the stamp
         * @default error
         * @enum {string}
         */
        missingRate: 'error' | 'lastPublishedBefore';
      };
      /**
       * @description records with the same key count as one deal (sums add up, counts count the deal once); a part the basis lacks (sku outside orders) does not split deals
       * @default []
       */
      dedupKey: ('customer' | 'sku' | 'day' | 'contract')[];
      /**
       * @default {
       *       "excludeContractStatuses": [],
       *       "excludeStages": []
       *     }
       */
      filters: {
        /** @default [] */
        excludeContractStatuses: string[];
        /**
         * @description pipeline: stages left out, e.g. won and lost
         * @default []
         */
        excludeStages: string[];
      };
      /**
       * @description the default grouping; a run may ask for others
       * @default []
       */
      dimensions: (
        'owner' | 'department' | 'region' | 'industry' | 'product' | 'month' | 'quarter' | 'stage' | 'ageBucket'
      )[];
      measures: ('sum' | 'count' | 'distinctCustomers' | 'averageDealSize')[];
    };
    MetricDefinitionVersion: {
      id: string;
      definitionId: string;
      semver: string;
      validFrom: string;
      document: components['schemas']['MetricDefinitionDocument'];
      /** @description sha256 of the canonical document */
      hash: string;
      /** @enum {string} */
      status: 'draft' | 'approved';
      changeNote: string;
      /** @description {from: semver, changes: [{path, from, to}]} against the version it was based on */
      diff: unknown;
      basedOn: string | null;
      /** @description for a rollback, the version whose document it republishes */
      rolledBackTo: string | null;
      authorId: string | null;
      approverId: string | null;
      approvedAt: string | null;
      createdAt: string;
    };
    MetricDefinition: {
      id: string;
      name: string;
      description: string | null;
      createdAt: string;
      versions: components['schemas']['MetricDefinitionVersion'][];
    };
    ReportStamp: {
      /** @description zh-CN: 本数据依据口径 <name> V<version> 生成,生效日期 <validFrom> */
      text: string;
      definitionName: string;
      version: string;
      versionId: string;
      validFrom: string;
      hash: string;
      rateSources: {
        rateSet: string;
        source: string;
        currency: string;
        quote: string;
        firstRateDate: string;
        lastRateDate: string;
      }[];
      computedAt: string;
      restated: boolean;
    };
    ReportResult: {
      rows: {
        version: string;
        from: string;
        to: string;
        group: {
          [key: string]: string | null;
        };
        labels: {
          [key: string]: string | null;
        };
        sum?: string | number;
        count?: string | number;
        distinctCustomers?: string | number;
        averageDealSize?: string | number;
      }[];
      totals: {
        sum?: string | number;
        count?: string | number;
        distinctCustomers?: string | number;
        averageDealSize?: string | number;
      };
      measures: string[];
      groupBy: string[];
      segments: {
        from: string;
        to: string;
        version: string;
        versionId: string;
        validFrom: string;
        hash: string;
        basis: string;
        totals: {
          sum?: string | number;
          count?: string | number;
          distinctCustomers?: string | number;
          averageDealSize?: string | number;
        };
        substitutions: {
          currency: string;
          date: string;
          usedRateDate: string;
        }[];
      }[];
      stamp: components['schemas']['ReportStamp'];
    };
    FxRate: {
      id: string;
      rateSet: string;
      base: string;
      quote: string;
      rateDate: string;
      /** @description 1 base = rate quote */
      rate: string;
      source: string;
      publishedAt: string | null;
      fetchedAt: string;
      /** @description sha256 of the raw payload (upload or feed body) the rate came from */
      payloadHash: string | null;
      reason: string | null;
    };
    ReportSnapshot: {
      id: string;
      seq: number;
      period: string;
      definitionId: string;
      versionId: string;
      version: string;
      definitionHash: string;
      rateSet: string;
      /** @description sha256 over the canonical sealed content and prevHash */
      hash: string;
      prevHash: string | null;
      createdAt: string;
      groupBy?: unknown;
      result?: unknown;
    };
    ClientErrorReport: {
      /** @enum {string} */
      kind: 'uncaught' | 'unhandled_rejection' | 'save_failed';
      errorName: string;
      /** @default  */
      message: string;
      appVersion: string;
      /** @description The path of the page (ids are blanked before storing) */
      route: string;
      /** @description The screen as the user knows it, e.g. 客户新建 */
      screen?: string;
      /** Format: date-time */
      occurredAt?: string;
    };
    ClientErrorGroup: {
      /** @description Browser · error · screen, the way support reads it */
      line: string;
      browser: string;
      os: string;
      errorName: string;
      screen: string | null;
      route: string;
      kinds: string[];
      appVersions: string[];
      count: number;
      firstSeen: string;
      lastSeen: string;
      sampleMessage: string;
    };
    SmartButton: {
      /** @description The button id in POST /customers/{id}/smart-buttons/{buttonId} */
      key: string;
      label: string;
      /** @description The follow-up text one tap saves */
      template: string;
      /**
       * @description The follow-up status a tap records
       * @enum {string}
       */
      status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
      /**
       * @default other
       * @enum {string}
       */
      kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
      /**
       * @description The next step text (empty: none)
       * @default
       */
      nextStep: string;
      /** @description When the next step is due: N working days after the tap at HH:MM, in the company time zone */
      nextStepOffset: {
        workingDays: number;
        at: string;
      };
    };
    FollowupSettings: {
      buttons: components['schemas']['SmartButton'][];
      holidays: string[];
      extraWorkdays: string[];
      escalationGraceHours: number;
      timeZone: string;
      version: number;
    };
    SyncBatch: {
      operations: {
        /** Format: uuid */
        idempotencyKey: string;
        /** @enum {string} */
        op: 'create' | 'update';
        /** @enum {string} */
        recordType: 'followup' | 'customer' | 'opportunity' | 'smartButtonTap';
        /** Format: uuid */
        recordId?: string;
        /** @description The version the change was made on (updates) */
        baseVersion?: number;
        data: {
          [key: string]: unknown;
        };
      }[];
    };
    SyncResult: {
      idempotencyKey: string;
      /** @enum {string} */
      result: 'applied' | 'duplicate' | 'conflict' | 'rejected';
      /** @description The record as stored (applied, duplicate) */
      record?: {
        [key: string]: unknown;
      };
      /** @description The server's current values, to compare and choose (conflict) */
      current?: {
        [key: string]: unknown;
      };
      /** @description Why it was not applied (rejected) */
      error?: {
        code: string;
        message: string;
        details: {
          [key: string]: unknown;
        };
      };
    };
    BusinessLicenceFields: {
      name: string | null;
      creditCode: string | null;
      legalRepresentative: string | null;
      address: string | null;
      /** @description 0–1 */
      confidence: number;
      warnings: string[];
    };
    AutomationCondition:
      | {
          /** @constant */
          op: 'and';
          all: components['schemas']['AutomationCondition'][];
        }
      | {
          /** @constant */
          op: 'or';
          any: components['schemas']['AutomationCondition'][];
        }
      | {
          /** @constant */
          op: 'not';
          condition: components['schemas']['AutomationCondition'];
        }
      | {
          /** @constant */
          op: 'compare';
          field: string;
          /** @enum {string} */
          cmp: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
          value: string | number | boolean | null;
        }
      | {
          /** @constant */
          op: 'in';
          field: string;
          values: (string | number | boolean | null)[];
        }
      | {
          /** @constant */
          op: 'isEmpty';
          field: string;
        }
      | {
          /** @constant */
          op: 'changed';
          field: string;
          from?: string | number | boolean | null;
          to?: string | number | boolean | null;
        };
    AutomationRuleCreate: {
      name: string;
      trigger:
        | {
            /** @constant */
            type: 'record';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @enum {string} */
            on: 'created' | 'updated' | 'deleted';
            /** @description updated only: run only when one of these fields changed */
            fields?: string[];
          }
        | {
            /**
             * @description an inbound call record (POST /api/v1/events/calls)
             * @constant
             */
            type: 'call';
          }
        | {
            /**
             * @description a file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files)
             * @constant
             */
            type: 'imFileSent';
          }
        | {
            /**
             * @description a meeting transcript analysed and recorded as a follow-up
             * @constant
             */
            type: 'transcriptReady';
          }
        | {
            /**
             * @description an intake record applied: a customer created or updated from a channel
             * @constant
             */
            type: 'intakeApplied';
            /** @description only records of this channel (its key); none: every channel's */
            channel?: string;
          }
        | {
            /** @constant */
            type: 'schedule';
            /** @description minute hour day month weekday, in the company's time zone; fires once per slot */
            cron: string;
          }
        | {
            /** @constant */
            type: 'relative';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @description a date or date-time field of the record */
            field: string;
            /** @description days after the field (negative: before) */
            offsetDays: number;
            /**
             * @description time of day in the company's time zone
             * @default 09:00
             */
            at: string;
          }
        | {
            /** @constant */
            type: 'manual';
            /**
             * @description run by POST /api/v1/automation-rules/{id}/run on records of this type
             * @enum {string}
             */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
          };
      /** @description None: every event of the trigger matches */
      conditions?: components['schemas']['AutomationCondition'] | null;
      actions: (
        | {
            /** @constant */
            type: 'createFollowup';
            /** @enum {string} */
            status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
            /** @enum {string} */
            kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            template: string;
            nextStepInDays?: number;
          }
        | {
            /** @constant */
            type: 'updateFields';
            fields: {
              [key: string]: string | number | boolean | null;
            };
          }
        | {
            /** @constant */
            type: 'createTodo';
            assignee:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            title: string;
            dueInMinutes: number;
          }
        | {
            /** @constant */
            type: 'notify';
            recipient:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            message: string;
          }
        | {
            /** @constant */
            type: 'assignOwner';
            /**
             * Format: uuid
             * @description None: the company's lead-assignment rules decide
             */
            userId?: string;
          }
        | {
            /** @constant */
            type: 'webhook';
            url: string;
            /** @description Extra request headers; the body is signed like outbound channels (x-cairn-signature) */
            headers?: {
              [key: string]: string;
            };
          }
        | {
            /** @constant */
            type: 'startApproval';
            /**
             * @description the approvals Cairn has that a record starts: a contract deletion
             * @constant
             */
            kind: 'contract_delete';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            reason: string;
          }
      )[];
      /** @default true */
      enabled: boolean;
      /**
       * Format: uuid
       * @description Default: the caller
       */
      ownerId?: string;
      /** @description Run as this service user instead of the owner's grants */
      serviceUserId?: string | null;
      /**
       * @description Paused after this many failed runs in a row
       * @default 3
       */
      maxFailures: number;
      /** @description Rate limit: runs that would act beyond it in the last hour are recorded as rate_limited */
      maxRunsPerHour?: number;
    };
    AutomationRuleUpdate: {
      name?: string;
      trigger?:
        | {
            /** @constant */
            type: 'record';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @enum {string} */
            on: 'created' | 'updated' | 'deleted';
            /** @description updated only: run only when one of these fields changed */
            fields?: string[];
          }
        | {
            /**
             * @description an inbound call record (POST /api/v1/events/calls)
             * @constant
             */
            type: 'call';
          }
        | {
            /**
             * @description a file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files)
             * @constant
             */
            type: 'imFileSent';
          }
        | {
            /**
             * @description a meeting transcript analysed and recorded as a follow-up
             * @constant
             */
            type: 'transcriptReady';
          }
        | {
            /**
             * @description an intake record applied: a customer created or updated from a channel
             * @constant
             */
            type: 'intakeApplied';
            /** @description only records of this channel (its key); none: every channel's */
            channel?: string;
          }
        | {
            /** @constant */
            type: 'schedule';
            /** @description minute hour day month weekday, in the company's time zone; fires once per slot */
            cron: string;
          }
        | {
            /** @constant */
            type: 'relative';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @description a date or date-time field of the record */
            field: string;
            /** @description days after the field (negative: before) */
            offsetDays: number;
            /**
             * @description time of day in the company's time zone
             * @default 09:00
             */
            at: string;
          }
        | {
            /** @constant */
            type: 'manual';
            /**
             * @description run by POST /api/v1/automation-rules/{id}/run on records of this type
             * @enum {string}
             */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
          };
      conditions?: components['schemas']['AutomationCondition'] | null;
      actions?: (
        | {
            /** @constant */
            type: 'createFollowup';
            /** @enum {string} */
            status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
            /** @enum {string} */
            kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            template: string;
            nextStepInDays?: number;
          }
        | {
            /** @constant */
            type: 'updateFields';
            fields: {
              [key: string]: string | number | boolean | null;
            };
          }
        | {
            /** @constant */
            type: 'createTodo';
            assignee:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            title: string;
            dueInMinutes: number;
          }
        | {
            /** @constant */
            type: 'notify';
            recipient:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            message: string;
          }
        | {
            /** @constant */
            type: 'assignOwner';
            /**
             * Format: uuid
             * @description None: the company's lead-assignment rules decide
             */
            userId?: string;
          }
        | {
            /** @constant */
            type: 'webhook';
            url: string;
            /** @description Extra request headers; the body is signed like outbound channels (x-cairn-signature) */
            headers?: {
              [key: string]: string;
            };
          }
        | {
            /** @constant */
            type: 'startApproval';
            /**
             * @description the approvals Cairn has that a record starts: a contract deletion
             * @constant
             */
            kind: 'contract_delete';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            reason: string;
          }
      )[];
      /** @description Enabling a paused rule resumes it */
      enabled?: boolean;
      /** Format: uuid */
      ownerId?: string;
      serviceUserId?: string | null;
      maxFailures?: number;
      maxRunsPerHour?: number | null;
      /** @description The version you edited; a stale one answers 409 */
      version: number;
    };
    AutomationRule: {
      id: string;
      name: string;
      ownerId: string;
      serviceUserId: string | null;
      enabled: boolean;
      version: number;
      trigger:
        | {
            /** @constant */
            type: 'record';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @enum {string} */
            on: 'created' | 'updated' | 'deleted';
            /** @description updated only: run only when one of these fields changed */
            fields?: string[];
          }
        | {
            /**
             * @description an inbound call record (POST /api/v1/events/calls)
             * @constant
             */
            type: 'call';
          }
        | {
            /**
             * @description a file sent into a WeCom chat from the sidebar (POST /api/v1/wecom/sent-files)
             * @constant
             */
            type: 'imFileSent';
          }
        | {
            /**
             * @description a meeting transcript analysed and recorded as a follow-up
             * @constant
             */
            type: 'transcriptReady';
          }
        | {
            /**
             * @description an intake record applied: a customer created or updated from a channel
             * @constant
             */
            type: 'intakeApplied';
            /** @description only records of this channel (its key); none: every channel's */
            channel?: string;
          }
        | {
            /** @constant */
            type: 'schedule';
            /** @description minute hour day month weekday, in the company's time zone; fires once per slot */
            cron: string;
          }
        | {
            /** @constant */
            type: 'relative';
            /** @enum {string} */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
            /** @description a date or date-time field of the record */
            field: string;
            /** @description days after the field (negative: before) */
            offsetDays: number;
            /**
             * @description time of day in the company's time zone
             * @default 09:00
             */
            at: string;
          }
        | {
            /** @constant */
            type: 'manual';
            /**
             * @description run by POST /api/v1/automation-rules/{id}/run on records of this type
             * @enum {string}
             */
            object: 'customer' | 'contact' | 'opportunity' | 'followup' | 'contract' | 'payment' | 'order';
          };
      conditions: components['schemas']['AutomationCondition'] | null;
      actions: (
        | {
            /** @constant */
            type: 'createFollowup';
            /** @enum {string} */
            status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
            /** @enum {string} */
            kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            template: string;
            nextStepInDays?: number;
          }
        | {
            /** @constant */
            type: 'updateFields';
            fields: {
              [key: string]: string | number | boolean | null;
            };
          }
        | {
            /** @constant */
            type: 'createTodo';
            assignee:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            title: string;
            dueInMinutes: number;
          }
        | {
            /** @constant */
            type: 'notify';
            recipient:
              | {
                  /** @constant */
                  kind: 'ruleOwner';
                }
              | {
                  /** @constant */
                  kind: 'recordOwner';
                }
              | {
                  /** @constant */
                  kind: 'user';
                  /** Format: uuid */
                  userId: string;
                };
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            message: string;
          }
        | {
            /** @constant */
            type: 'assignOwner';
            /**
             * Format: uuid
             * @description None: the company's lead-assignment rules decide
             */
            userId?: string;
          }
        | {
            /** @constant */
            type: 'webhook';
            url: string;
            /** @description Extra request headers; the body is signed like outbound channels (x-cairn-signature) */
            headers?: {
              [key: string]: string;
            };
          }
        | {
            /** @constant */
            type: 'startApproval';
            /**
             * @description the approvals Cairn has that a record starts: a contract deletion
             * @constant
             */
            kind: 'contract_delete';
            /** @description Text with {{field}} placeholders (fields of the trigger record or call) */
            reason: string;
          }
      )[];
      maxFailures: number;
      maxRunsPerHour: number | null;
      failureStreak: number;
      pausedAt: string | null;
      pausedReason: string | null;
      createdAt: string;
      updatedAt: string;
      /** @description Only in the answer that gave the rule its first webhook action: the key its calls are signed with */
      webhookSecret?: string;
    };
    AutomationRun: {
      id: string;
      ruleId: string;
      ruleVersion: number;
      eventId: string;
      topic: string;
      /** @description 1 for an event a person caused; +1 for each rule in a chain */
      depth: number;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'skipped' | 'failed' | 'stopped' | 'rate_limited';
      triggerPayload: unknown;
      conditions: {
        result: boolean;
        steps: {
          /** @description Where in the tree, e.g. all[1].condition */
          path: string;
          op: string;
          field?: string;
          actual?: unknown;
          result: boolean;
        }[];
      } | null;
      actions: {
        index: number;
        type: string;
        input: unknown;
        output?: unknown;
        startedAt: string;
        durationMs: number;
        error?: {
          code: string;
          message: string;
        };
      }[];
      errorCode: string | null;
      error: string | null;
      identityUserId: string | null;
      /** @description The failed run this one reran */
      rerunOf: string | null;
      /** @description A rerun: the index of the action it started at */
      fromStep: number | null;
      startedAt: string;
      finishedAt: string | null;
    };
    CallRecord: {
      id: string;
      callId: string;
      direction: string;
      status: string;
      /** @description Masked: 138****1234 */
      from: string;
      /** @description Masked */
      to: string;
      agentUserId: string | null;
      startedAt: string;
      talkSeconds: number;
      hasRecording: boolean;
      customerId: string | null;
      contactId: string | null;
      matchNote: string | null;
      followupId: string | null;
      format: string;
      receivedAt: string;
    };
    Todo: {
      id: string;
      /**
       * @description a to-do, or the next step of a follow-up the caller wrote (its id is the follow-up's)
       * @enum {string}
       */
      kind: 'todo' | 'nextStep';
      /** @description a next step's text as the caller's field view shows it (null when hidden) */
      title: string | null;
      dueAt: string;
      recordType: string | null;
      recordId: string | null;
      ruleId: string | null;
      completedAt: string | null;
      customerId: string | null;
    };
    SmartButtonTap: {
      followupId: string;
      customerId: string;
      buttonKey: string;
      status: string;
      nextStepAt: string | null;
      /** @description true when this Idempotency-Key already saved the follow-up: nothing new was written */
      duplicate: boolean;
    };
    TranscriptLexicon: {
      entries: {
        kind: string;
        phrase: string;
      }[];
      /** @description The company has not saved its own lexicon; these are the defaults */
      isDefault: boolean;
    };
    Transcript: {
      id: string;
      /** @description text or audio */
      source: string;
      /** @description received, processed, unmatched or failed */
      status: string;
      customerId: string | null;
      /** @description Masked */
      phone: string | null;
      utterances: number;
      matchNote: string | null;
      followupId: string | null;
      opportunityId: string | null;
      error: string | null;
      receivedAt: string;
      processedAt: string | null;
    };
    FollowupTemplateEntry: {
      id: string;
      title: string;
      body: string;
      status: string | null;
      kind: string | null;
      version: number;
      createdAt: string;
      updatedAt: string;
      /** @description When you last created a follow-up from it; null: never */
      lastUsedAt: string | null;
      /** @description How many follow-ups you created from it */
      uses: number;
      can: {
        update: boolean;
        delete: boolean;
      };
    };
    WecomExternalContact: {
      externalUserId: string;
      customerId: string;
      contactId: string | null;
      name: string | null;
      updatedAt: string;
    };
    CustomerCreate: {
      name: string;
      shortName?: string | null;
      creditCode?: string | null;
      industry?: string | null;
      level?: ('A' | 'B' | 'C' | 'D') | null;
      source?: ('website' | 'referral' | 'exhibition' | 'cold_call' | 'partner' | 'advertising' | 'other') | null;
      region?: string | null;
      mainPhone?: string | null;
      /** @description Defaults to the creator */
      ownerId?: string | null;
      /** @enum {string} */
      status?: 'active' | 'dormant' | 'lost';
      tags?: string[];
      custom?: {
        [key: string]: unknown;
      };
    };
    CustomerUpdate: {
      name?: string;
      shortName?: string | null;
      creditCode?: string | null;
      industry?: string | null;
      level?: ('A' | 'B' | 'C' | 'D') | null;
      source?: ('website' | 'referral' | 'exhibition' | 'cold_call' | 'partner' | 'advertising' | 'other') | null;
      region?: string | null;
      mainPhone?: string | null;
      /** @description Defaults to the creator */
      ownerId?: string | null;
      /** @enum {string} */
      status?: 'active' | 'dormant' | 'lost';
      tags?: string[];
      custom?: {
        [key: string]: unknown;
      };
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    ContactCreate: {
      /** Format: uuid */
      customerId: string;
      name: string;
      title?: string | null;
      mobile?: string | null;
      email?: string | null;
      wecomId?: string | null;
      isPrimary?: boolean;
      custom?: {
        [key: string]: unknown;
      };
    };
    ContactUpdate: {
      name?: string;
      title?: string | null;
      mobile?: string | null;
      email?: string | null;
      wecomId?: string | null;
      isPrimary?: boolean;
      custom?: {
        [key: string]: unknown;
      };
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    OpportunityCreate: {
      /** Format: uuid */
      customerId: string;
      name: string;
      /** @default 0 */
      amount: unknown;
      /**
       * @default CNY
       * @enum {string}
       */
      currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /**
       * @default initial
       * @enum {string}
       */
      stage: 'initial' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
      expectedCloseDate?: string | null;
      /** @description Defaults to the customer owner, else the creator */
      ownerId?: string | null;
      custom?: {
        [key: string]: unknown;
      };
    };
    OpportunityUpdate: {
      name?: string;
      amount?: unknown;
      /** @enum {string} */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** @enum {string} */
      stage?: 'initial' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
      expectedCloseDate?: string | null;
      /** @description Defaults to the customer owner, else the creator */
      ownerId?: string | null;
      custom?: {
        [key: string]: unknown;
      };
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    FollowupCreate: {
      /** Format: uuid */
      customerId: string;
      opportunityId?: string | null;
      /** @enum {string} */
      kind: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
      /**
       * @default initial_contact
       * @enum {string}
       */
      status: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
      content: string;
      nextStep?: string | null;
      nextStepAt?: string | null;
      /**
       * @description How it was captured; the record presents `source` as the event it was recorded from
       * @default manual
       * @enum {string}
       */
      source: 'manual' | 'call' | 'im' | 'meeting' | 'button' | 'import';
      /**
       * Format: date-time
       * @description When it happened; defaults to now
       */
      occurredAt?: string;
      /**
       * Format: uuid
       * @description The follow-up template it was written from: recorded as your use of it (your recent templates)
       */
      templateId?: string;
    };
    FollowupUpdate: {
      opportunityId?: string | null;
      /** @enum {string} */
      kind?: 'call' | 'visit' | 'im' | 'meeting' | 'email' | 'other';
      /** @enum {string} */
      status?: 'initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed';
      content?: string;
      nextStep?: string | null;
      nextStepAt?: string | null;
      /** Format: date-time */
      occurredAt?: string;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    ContractInstallment: {
      id: string;
      seq: number;
      dueDate: string;
      amount: string;
      receivedAmount: string;
    };
    ContractCreate: {
      /** Format: uuid */
      customerId: string;
      opportunityId?: string | null;
      number: string;
      title?: string | null;
      signedDate?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      /** @enum {string} */
      currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** @description Contract amount including tax */
      amountInclTax: unknown;
      /** @default 0 */
      taxRate: unknown;
      /**
       * @default draft
       * @enum {string}
       */
      status: 'draft' | 'active' | 'completed' | 'terminated';
      ownerId?: string | null;
      /** @description The installment plan; amounts must add up to amountInclTax */
      installments?: {
        dueDate: string;
        amount: unknown;
      }[];
    };
    ContractUpdate: {
      opportunityId?: string | null;
      number?: string;
      title?: string | null;
      signedDate?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      /** @enum {string} */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** @description Contract amount including tax */
      amountInclTax?: unknown;
      taxRate?: unknown;
      /** @enum {string} */
      status?: 'draft' | 'active' | 'completed' | 'terminated';
      ownerId?: string | null;
      /** @description The installment plan; amounts must add up to amountInclTax */
      installments?: {
        dueDate: string;
        amount: unknown;
      }[];
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    PaymentCreate: {
      /** Format: uuid */
      contractId: string;
      installmentId?: string | null;
      amount: unknown;
      /** @description Defaults to the contract's currency; must match it */
      currency?: string;
      receivedDate: string;
      method?: string | null;
      reference?: string | null;
      note?: string | null;
    };
    PaymentUpdate: {
      installmentId?: string | null;
      amount?: unknown;
      /** @description Defaults to the contract's currency; must match it */
      currency?: string;
      receivedDate?: string;
      method?: string | null;
      reference?: string | null;
      note?: string | null;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    ProductCreate: {
      sku: string;
      name: string;
      unitPrice: unknown;
      /**
       * @default CNY
       * @enum {string}
       */
      currency: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      isActive?: boolean;
    };
    ProductUpdate: {
      sku?: string;
      name?: string;
      unitPrice?: unknown;
      /** @enum {string} */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      isActive?: boolean;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    OrderCreate: {
      /** Format: uuid */
      customerId: string;
      sku: string;
      quantity: unknown;
      /** @description Defaults to unit price × quantity */
      amount?: unknown;
      /**
       * @description Defaults to the product's currency
       * @enum {string}
       */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** Format: date-time */
      orderedAt?: string;
      ownerId?: string | null;
    };
    OrderUpdate: {
      sku?: string;
      quantity?: unknown;
      /** @description Defaults to unit price × quantity */
      amount?: unknown;
      /**
       * @description Defaults to the product's currency
       * @enum {string}
       */
      currency?: 'CNY' | 'USD' | 'EUR' | 'HKD' | 'JPY' | 'GBP';
      /** Format: date-time */
      orderedAt?: string;
      ownerId?: string | null;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    DepartmentCreate: {
      name: string;
      /** @description The parent department; omit for a top-level one */
      parentId?: string | null;
      sortOrder?: number;
    };
    DepartmentUpdate: {
      name?: string;
      /** @description The parent department; omit for a top-level one */
      parentId?: string | null;
      sortOrder?: number;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    UserCreate: {
      username: string;
      displayName: string;
      employeeNo?: string | null;
      departmentId?: string | null;
      managerId?: string | null;
      hireDate?: string | null;
      phone?: string | null;
      email?: string | null;
      wecomUserId?: string | null;
      /**
       * @default member
       * @enum {string}
       */
      role: 'admin' | 'member';
      isActive?: boolean;
      /** @description Initial password; without one the user cannot sign in until it is reset */
      password?: string;
    };
    UserUpdate: {
      username?: string;
      displayName?: string;
      employeeNo?: string | null;
      departmentId?: string | null;
      managerId?: string | null;
      hireDate?: string | null;
      phone?: string | null;
      email?: string | null;
      wecomUserId?: string | null;
      /** @enum {string} */
      role?: 'admin' | 'member';
      isActive?: boolean;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    CustomFieldCreate: {
      /** @enum {string} */
      objectType: 'customer' | 'contact' | 'opportunity';
      key: string;
      label: string;
      /** @enum {string} */
      type: 'text' | 'number' | 'date' | 'singleSelect' | 'multiSelect' | 'phone' | 'email' | 'money';
      /** @description Choices for singleSelect and multiSelect */
      options?: string[];
      /** @default false */
      required: boolean;
      sortOrder?: number;
    };
    CustomFieldUpdate: {
      label?: string;
      options?: string[];
      required?: boolean;
      sortOrder?: number;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    FollowupTemplateCreate: {
      title: string;
      body: string;
      /** @description The follow-up status it records; null: unchanged */
      status?: ('initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed') | null;
      /** @description The follow-up kind it records; null: unchanged */
      kind?: ('call' | 'visit' | 'im' | 'meeting' | 'email' | 'other') | null;
    };
    FollowupTemplateUpdate: {
      title?: string;
      body?: string;
      /** @description The follow-up status it records; null: unchanged */
      status?: ('initial_contact' | 'deep_talk' | 'proposal_sent' | 'awaiting_reply' | 'closed') | null;
      /** @description The follow-up kind it records; null: unchanged */
      kind?: ('call' | 'visit' | 'im' | 'meeting' | 'email' | 'other') | null;
      /** @description The version you read; a stale one answers 409 */
      version: number;
    };
    Attachment: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      recordType?: string | null;
      recordId?: string | null;
      customerId?: string | null;
      name?: string | null;
      mimeType?: string | null;
      sizeBytes?: number | null;
      sha256?: string | null;
      /** @description Images only: pending, done or failed (the WebP variants are made in a job); null for other files */
      processing?: string | null;
      /** @description Why the image could not be converted */
      processingError?: string | null;
      /** @description Images only, once converted: {web: {url, width, height, bytes}, thumb: {…}} */
      variants?: {
        [key: string]: unknown;
      } | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    Customer: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      name?: string | null;
      shortName?: string | null;
      /** @description Unified social credit code */
      creditCode?: string | null;
      industry?: string | null;
      level?: string | null;
      source?: string | null;
      region?: string | null;
      /** @description As entered */
      mainPhone?: string | null;
      ownerId?: string | null;
      status?: string | null;
      /** @description When the latest follow-up happened (kept by the database on every follow-up write) */
      lastFollowupAt?: string | null;
      /** @description The lead-assignment rule that chose the owner (set by the assignment, never by a request body) */
      assignedByRuleId?: string | null;
      /** @description The version of that rule when it assigned the customer */
      assignedRuleVersion?: number | null;
      /** @description Why the rule chose the owner, e.g. "round-robin 3/5 in 销售一组" */
      assignmentReason?: string | null;
      tags?: string[] | null;
      /** @description Custom field values by key */
      custom?: {
        [key: string]: unknown;
      };
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      contacts?: components['schemas']['Contact'][];
      opportunities?: components['schemas']['Opportunity'][];
      followups?: components['schemas']['Followup'][];
      contracts?: components['schemas']['Contract'][];
      orders?: components['schemas']['Order'][];
      attachments?: components['schemas']['Attachment'][];
    };
    Contact: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      name?: string | null;
      title?: string | null;
      mobile?: string | null;
      email?: string | null;
      wecomId?: string | null;
      isPrimary?: boolean | null;
      /** @description Custom field values by key */
      custom?: {
        [key: string]: unknown;
      };
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      attachments?: components['schemas']['Attachment'][];
    };
    Opportunity: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      name?: string | null;
      amount?: string | null;
      currency?: string | null;
      stage?: string | null;
      expectedCloseDate?: string | null;
      ownerId?: string | null;
      /** @description Custom field values by key */
      custom?: {
        [key: string]: unknown;
      };
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      followups?: components['schemas']['Followup'][];
      contracts?: components['schemas']['Contract'][];
      attachments?: components['schemas']['Attachment'][];
    };
    Followup: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      opportunityId?: string | null;
      kind?: string | null;
      status?: string | null;
      content?: string | null;
      nextStep?: string | null;
      nextStepAt?: string | null;
      authorId?: string | null;
      /** @description A meeting transcript’s summary (read-only) */
      summary?: string | null;
      occurredAt?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description The event the follow-up was recorded from (read-only): type call, wecomFile, transcript, smartButton or manual */
      source?: {
        /** @enum {string} */
        type: 'call' | 'wecomFile' | 'transcript' | 'smartButton' | 'manual';
        id: string | null;
      } | null;
      /** @description The customer objections a meeting transcript showed: kind price, competitor, timing, authority or feature_gap (read-only) */
      objections?:
        | {
            kind: string;
            text: string;
            speaker: string;
            at: string;
          }[]
        | null;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      attachments?: components['schemas']['Attachment'][];
    };
    Contract: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      opportunityId?: string | null;
      number?: string | null;
      title?: string | null;
      signedDate?: string | null;
      startDate?: string | null;
      endDate?: string | null;
      currency?: string | null;
      amountInclTax?: string | null;
      taxRate?: string | null;
      status?: string | null;
      ownerId?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      installments?: components['schemas']['ContractInstallment'][];
      /** @description Sum of payments received */
      receivedAmount?: string;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      payments?: components['schemas']['Payment'][];
      attachments?: components['schemas']['Attachment'][];
    };
    Installment: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      contractId?: string | null;
      seq?: number | null;
      dueDate?: string | null;
      amount?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    Payment: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      contractId?: string | null;
      installmentId?: string | null;
      amount?: string | null;
      currency?: string | null;
      receivedDate?: string | null;
      method?: string | null;
      reference?: string | null;
      note?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    Product: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      sku?: string | null;
      name?: string | null;
      unitPrice?: string | null;
      currency?: string | null;
      isActive?: boolean | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    Order: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      customerId?: string | null;
      productId?: string | null;
      sku?: string | null;
      quantity?: string | null;
      amount?: string | null;
      currency?: string | null;
      orderedAt?: string | null;
      ownerId?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    Department: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      name?: string | null;
      parentId?: string | null;
      /** @description Ids from the root, /a/b/ */
      path?: string | null;
      sortOrder?: number | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      users?: components['schemas']['User'][];
      children?: components['schemas']['Department'][];
    };
    User: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      username?: string | null;
      displayName?: string | null;
      employeeNo?: string | null;
      departmentId?: string | null;
      managerId?: string | null;
      hireDate?: string | null;
      phone?: string | null;
      email?: string | null;
      /** @description The WeCom member id (企业微信 userid) notifications are also sent to */
      wecomUserId?: string | null;
      role?: string | null;
      isActive?: boolean | null;
      isService?: boolean | null;
      lastLoginAt?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
      customers?: components['schemas']['Customer'][];
    };
    CustomField: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      objectType?: string | null;
      key?: string | null;
      label?: string | null;
      type?: string | null;
      options?: string[] | null;
      required?: boolean | null;
      sortOrder?: number | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
    };
    FollowupTemplate: {
      id?: string | null;
      version?: number | null;
      createdAt?: string | null;
      createdBy?: string | null;
      updatedAt?: string | null;
      updatedBy?: string | null;
      deletedAt?: string | null;
      /** @description Unique in the company (case-insensitive) */
      title?: string | null;
      /** @description The follow-up text the template fills in */
      body?: string | null;
      status?: string | null;
      kind?: string | null;
      /** @description Present (true) on rows a sandboxed new hire may see listed but not open */
      masked?: boolean;
      /** @description What you may do to this record under your grants and data scopes (step-ups and approvals may still apply); left out of a sparse fieldset unless `fields` names `can` */
      can?: {
        update: boolean;
        delete: boolean;
      };
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
