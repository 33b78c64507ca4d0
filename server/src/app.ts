import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { registerAuthHooks } from './platform/auth/auth.hooks.ts';
import { accountRoutes } from './platform/auth/account.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { authService, defaultLoginLimits, type LoginLimits } from './platform/auth/auth.service.ts';
import { tokensService } from './platform/auth/tokens.service.ts';
import type { DatabaseHandle } from './platform/db/database.ts';
import {
  defaultReadRouting,
  readRouter,
  type ReadRouter,
  type ReadRoutingOptions,
} from './platform/db/read-routing.ts';
import type { Deps } from './platform/deps.ts';
import { frameworkErrors, registerErrorHandler, registerNotFound } from './platform/http/error-handler.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { serializeRequest } from './platform/http/log.ts';
import { registerRequestGuards } from './platform/http/request-guards.ts';
import { registerReadYourWrites } from './platform/http/read-your-writes.ts';
import { prebuiltSecurityHeaders, registerResponseHooks } from './platform/http/response-hooks.ts';
import { responseSerializerCompiler } from './platform/http/serializer.ts';
import { useOrgSettingsCache } from './platform/identity/org-settings.ts';
import type { TandemApp } from './platform/http/types.ts';
import { identityRoutes } from './platform/identity/identity.routes.ts';
import { platformSearchProviders, searchRoutes } from './platform/search/search.ts';
import { viewsRoutes } from './platform/views/views.routes.ts';
import { webhooksRoutes } from './platform/webhooks/webhooks.routes.ts';
import { exportRoutes } from './platform/export/export.routes.ts';
import { JobRegistry } from './platform/jobs/jobs.ts';
import { createMailer } from './platform/mail/mailer.ts';
import { NotificationRecords } from './platform/notify/records.ts';
import { notificationsRoutes } from './platform/notify/notify.routes.ts';
import { PartyReferences } from './platform/references/party-references.ts';
import { TimelineSources } from './platform/timeline/sources.ts';
import { VERSION } from './version.ts';
import type { Transporter } from 'nodemailer';
import { partiesModule, partiesSearchProvider } from './modules/parties/index.ts';
import { surveysModule } from './modules/surveys/index.ts';
import { casesModule, casesSearchProvider } from './modules/cases/index.ts';
import { importsModule, type ImportSettings } from './modules/imports/index.ts';
import { commerceModule, productsSearchProvider } from './modules/commerce/index.ts';
import { valueModule } from './modules/value/index.ts';
import { peopleModule } from './modules/people/index.ts';
import { insightModule } from './modules/insight/index.ts';
import { careModule } from './modules/care/index.ts';
import { hrcrmModule } from './modules/hrcrm/index.ts';
import { practiceModule } from './modules/practice/index.ts';
import { projectsModule } from './modules/projects/index.ts';

export interface AppOptions {
  /** An open, migrated database; the caller owns it and closes it after the app. */
  database: DatabaseHandle;
  /** Instance secret (TANDEM_SECRET or the one stored in the data dir). */
  secret: string;
  logger?: FastifyServerOptions['logger'];
  loginLimits?: LoginLimits;
  /** Built web app to serve at `/` (SPA); omit to serve the API only. */
  webDir?: string | undefined;
  /** Force Secure cookies (they are Secure anyway on HTTPS requests). */
  secureCookies?: boolean;
  trustProxy?: boolean;
  publicUrl?: string | undefined;
  bodyLimit?: number;
  /** Upload directory and size limit of imports (`tandem serve`: TANDEM_DATA_DIR/imports, TANDEM_IMPORT_MAX_BYTES; default: the temp dir, 200 MB). */
  imports?: ImportSettings;
  /** Modules define their jobs here; `serve` starts the queue with them (tests may too). */
  jobs?: JobRegistry;
  /** Outgoing mail: an SMTP URL (TANDEM_SMTP_URL), or a nodemailer transport (tests). Neither: no email. */
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  mailTransport?: Transporter | undefined;
  /** Read replica routing (with a replica in `database`): read-your-writes window, lag bound, retry interval. */
  readRouting?: Partial<ReadRoutingOptions>;
  /**
   * Parse every response with its zod schema as well, and check the compiled serializer agrees (the test harness);
   * production writes responses with the compiled serializer only (platform/http/serializer.ts).
   */
  validateResponses?: boolean;
}

const depsByApp = new WeakMap<TandemApp, Deps>();

/** The Deps an app was built with (tests drain its mail outbox; tools reach its job registry). */
export function appDeps(app: TandemApp): Deps {
  const deps = depsByApp.get(app);
  if (!deps) {
    throw new Error('Not an app built by buildApp');
  }
  return deps;
}

/** Logger options with the request serializer that keeps credentials and respondents out of log lines. */
function withSafeSerializers(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) {
    return false;
  }
  const base = logger === true ? {} : logger;
  return { ...base, serializers: { ...(base.serializers ?? {}), req: serializeRequest } };
}

/** The security headers (helmet's, prebuilt once: platform/http/response-hooks.ts). */
function securityHeaders(opts: AppOptions) {
  return prebuiltSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its CSS-in-JS styles at run time
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Only behind HTTPS: on plain-http localhost it would break every asset request.
        upgradeInsecureRequests: opts.secureCookies ? [] : null,
      },
    },
    // HSTS only means something behind HTTPS; Fastify sends it only when asked.
    hsts: opts.secureCookies ? { maxAge: 15552000 } : false,
  });
}

/** Compression, cookies and the OpenAPI document with its UI. */
async function registerPlugins(app: TandemApp) {
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: VERSION,
        description:
          'Customer and employee relationships on one model. Errors are `{ error: { code, message, details } }`; lists are cursor-paged (`?limit=&cursor=` → `{ items, nextCursor }`); updates send `version` (or If-Match) and a stale one answers 409 VERSION_CONFLICT.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'tandem_session',
            description: 'Cookie session from POST /api/auth/login; writes also need the x-csrf-token header',
          },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from POST /api/tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}

/** What the services get: the database, the read handle (docs/scale.md "A read replica"), jobs, mail, registries. */
function makeDeps(app: TandemApp, opts: AppOptions): { deps: Deps; reads: ReadRouter } {
  const jobs = opts.jobs ?? new JobRegistry();
  const reads = readRouter(opts.database, app.log, { ...defaultReadRouting, ...opts.readRouting });
  const deps: Deps = {
    db: opts.database.db,
    reads,
    engine: opts.database.engine,
    secret: opts.secret,
    version: VERSION,
    log: app.log,
    publicUrl: opts.publicUrl,
    timeline: new TimelineSources(),
    partyReferences: new PartyReferences(),
    notifications: new NotificationRecords(),
    jobs,
    mail: createMailer(opts.database.db, app.log, jobs, {
      smtpUrl: opts.smtpUrl,
      from: opts.mailFrom,
      transport: opts.mailTransport,
    }),
  };
  return { deps, reads };
}

/**
 * What this server keeps in memory of state other servers (or the CLI, or SQL) may change in the same database —
 * resolved sessions and tokens, organisation settings — each forgotten on the notification of a change
 * (docs/architecture.md "Several servers") and after every write request through this app. Returns the auth service.
 */
function sharedStateCaches(app: TandemApp, opts: AppOptions, deps: Deps, afterWrite: (() => void)[]) {
  const listen = opts.database.listen;
  const auth = authService(deps, opts.loginLimits ?? defaultLoginLimits, {
    subscribe: (onChange, onListening) =>
      listen('tandem_auth', onChange, (listening) => {
        if (!listening) {
          app.log.warn('lost the database notification channel: sessions and tokens are checked on every request');
        }
        onListening(listening);
      }),
  });
  const settings = useOrgSettingsCache(opts.database);
  app.addHook('onClose', async () => {
    await auth.close();
    await settings.release();
  });
  afterWrite.push(auth.forgetResolved, () => settings.cache.forget());
  return auth;
}

export async function buildApp(opts: AppOptions): Promise<TandemApp> {
  const app = Fastify({
    logger: withSafeSerializers(opts.logger),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    frameworkErrors,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ validate: opts.validateResponses ?? false }));
  registerErrorHandler(app);
  registerRequestGuards(app);
  // Before the plugins, whose routes (the API docs) get the headers too; the caches register below.
  const afterWrite: (() => void)[] = [];
  registerResponseHooks(app, { securityHeaders: securityHeaders(opts), afterWrite });
  await registerPlugins(app);

  const { deps, reads } = makeDeps(app, opts);
  depsByApp.set(app, deps);
  const auth = sharedStateCaches(app, opts, deps, afterWrite);
  registerAuthHooks(app, auth);
  registerReadYourWrites(app, reads);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  healthRoutes(app, deps);
  authRoutes(app, deps, auth, tokensService(deps), opts.secureCookies ?? false);
  accountRoutes(app, deps);
  identityRoutes(app, deps);
  auditRoutes(app, deps);
  viewsRoutes(app, deps);
  webhooksRoutes(app, deps);
  exportRoutes(app, deps);
  notificationsRoutes(app, deps);
  partiesModule(app, deps);
  surveysModule(app, deps);
  casesModule(app, deps);
  importsModule(app, deps, opts.imports);
  commerceModule(app, deps);
  valueModule(app, deps);
  peopleModule(app, deps);
  insightModule(app, deps);
  await careModule(app, deps);
  hrcrmModule(app, deps);
  practiceModule(app, deps);
  projectsModule(app, deps);
  searchRoutes(app, deps, [
    ...platformSearchProviders,
    partiesSearchProvider,
    casesSearchProvider,
    productsSearchProvider,
  ]);

  if (opts.webDir) {
    const root = path.resolve(opts.webDir);
    if (!existsSync(path.join(root, 'index.html'))) {
      throw new Error(`No web build in ${root} (run npm run build)`);
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      // The plugin's own header (max-age=0) would replace ours.
      cacheControl: false,
      // Vite names assets by content hash: cache them for good; always revalidate the page itself.
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  registerNotFound(app, Boolean(opts.webDir));

  return app;
}
