var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) =>
  function __require() {
    try {
      return (mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports);
    } catch (e) {
      throw ((mod = 0), e);
    }
  };

// packages/core/dist/errors.js
var require_errors = __commonJS({
  'packages/core/dist/errors.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.OtelkitError = void 0;
    exports2.isOtelkitError = isOtelkitError;
    var OtelkitError = class extends Error {
      /** Stable error code, e.g. `OTELKIT_ERR_INVALID_CONFIG`. */
      code;
      constructor(code, message, options) {
        super(message, options);
        this.name = 'OtelkitError';
        this.code = code;
      }
    };
    exports2.OtelkitError = OtelkitError;
    function isOtelkitError(error) {
      if (!(error instanceof Error)) return false;
      const code = error.code;
      return typeof code === 'string' && code.startsWith('OTELKIT_ERR_');
    }
  },
});

// packages/core/dist/config/parse.js
var require_parse = __commonJS({
  'packages/core/dist/config/parse.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.INVALID_CONFIG = void 0;
    exports2.showValue = showValue;
    exports2.invalid = invalid;
    exports2.parseInteger = parseInteger;
    exports2.checkInteger = checkInteger;
    exports2.parseBoolean = parseBoolean;
    exports2.parseEnum = parseEnum;
    exports2.parseEnumList = parseEnumList;
    exports2.parseKeyValueList = parseKeyValueList;
    exports2.parseUrl = parseUrl;
    exports2.parseHost = parseHost;
    var errors_1 = require_errors();
    exports2.INVALID_CONFIG = 'OTELKIT_ERR_INVALID_CONFIG';
    var MAX_SHOWN = 80;
    function showValue(value) {
      const text = typeof value === 'string' ? value : String(value);
      const clipped =
        text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}\u2026(${text.length} chars)` : text;
      return JSON.stringify(clipped);
    }
    function invalid(setting, value, expected) {
      throw new errors_1.OtelkitError(
        exports2.INVALID_CONFIG,
        `${exports2.INVALID_CONFIG}: ${setting}=${showValue(value)} is invalid: expected ${expected}`,
      );
    }
    function parseInteger(setting, raw, bounds) {
      const text = raw.trim();
      if (!/^-?\d{1,16}$/.test(text)) invalid(setting, raw, `an integer from ${bounds.min} to ${bounds.max}`);
      const value = Number(text);
      if (value < bounds.min || value > bounds.max) {
        invalid(setting, raw, `an integer from ${bounds.min} to ${bounds.max}`);
      }
      return value;
    }
    function checkInteger(setting, value, bounds) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
        invalid(setting, value, `an integer from ${bounds.min} to ${bounds.max}`);
      }
      return value;
    }
    function parseBoolean(setting, raw) {
      const text = raw.trim().toLowerCase();
      if (text === 'true') return true;
      if (text === 'false') return false;
      return invalid(setting, raw, 'true or false');
    }
    function parseEnum(setting, raw, allowed) {
      const text = raw.trim().toLowerCase();
      const found = allowed.find((a) => a === text);
      if (found === void 0) invalid(setting, raw, `one of ${allowed.join(', ')}`);
      return found;
    }
    function parseEnumList(setting, raw, allowed) {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (items.length === 0) invalid(setting, raw, `a comma-separated list of ${allowed.join(', ')}`);
      const out = [];
      for (const item of items) {
        const value = allowed.find((a) => a === item.toLowerCase());
        if (value === void 0) invalid(setting, raw, `a comma-separated list of ${allowed.join(', ')}`);
        if (!out.includes(value)) out.push(value);
      }
      return out;
    }
    function parseKeyValueList(setting, raw) {
      const out = {};
      for (const part of raw.split(',')) {
        if (part.trim() === '') continue;
        const eq = part.indexOf('=');
        if (eq <= 0) invalid(setting, raw, 'a comma-separated list of key=value pairs');
        const key = part.slice(0, eq).trim();
        let value;
        try {
          value = decodeURIComponent(part.slice(eq + 1).trim());
        } catch {
          return invalid(setting, raw, 'percent-encoded values');
        }
        if (key === '') invalid(setting, raw, 'a comma-separated list of key=value pairs');
        out[key] = value;
      }
      return out;
    }
    function parseUrl(setting, raw) {
      let url;
      try {
        url = new URL(raw.trim());
      } catch {
        return invalid(setting, raw, 'an absolute http:// or https:// URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        invalid(setting, raw, 'an absolute http:// or https:// URL');
      }
      return url.toString();
    }
    function parseHost(setting, raw) {
      const text = raw.trim();
      if (text === '' || text.length > 253 || !/^[A-Za-z0-9.:\-[\]%]+$/.test(text)) {
        invalid(setting, raw, 'a host name or IP address');
      }
      return text;
    }
  },
});

// packages/core/dist/config/presets.js
var require_presets = __commonJS({
  'packages/core/dist/config/presets.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.PRESETS = exports2.PRESET_NAMES = void 0;
    exports2.PRESET_NAMES = ['development', 'staging', 'production'];
    exports2.PRESETS = {
      development: {
        logLevel: 'debug',
        exportIntervalMs: 5e3,
        tracesSamplerRatio: 1,
        shutdownDelayMs: 0,
        statusPage: true,
        authRequired: false,
      },
      staging: {
        logLevel: 'info',
        exportIntervalMs: 3e4,
        tracesSamplerRatio: 0.5,
        shutdownDelayMs: 5e3,
        statusPage: true,
        authRequired: false,
      },
      production: {
        logLevel: 'warn',
        exportIntervalMs: 6e4,
        tracesSamplerRatio: 0.1,
        shutdownDelayMs: 1e4,
        statusPage: false,
        authRequired: true,
      },
    };
  },
});

// packages/core/dist/config/resolve.js
var require_resolve = __commonJS({
  'packages/core/dist/config/resolve.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.DEFAULTS = void 0;
    exports2.signalUrl = signalUrl;
    exports2.resolveConfig = resolveConfig;
    var parse_1 = require_parse();
    var presets_1 = require_presets();
    exports2.DEFAULTS = {
      serviceName: 'unknown_service:node',
      logLevel: 'info',
      host: '0.0.0.0',
      port: 9464,
      exportIntervalMs: 6e4,
      exportTimeoutMs: 3e4,
      otlpTimeoutMs: 1e4,
      temporality: 'cumulative',
      cardinalityLimit: 2e3,
      runtimeMetrics: true,
      runtimeMetricsNaming: 'otel',
      server: true,
      requestTimeoutMs: 1e4,
      shutdownTimeoutMs: 5e3,
    };
    var EXPORTERS = ['prometheus', 'otlp', 'console', 'none'];
    var LOG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'];
    var TEMPORALITIES = ['cumulative', 'delta', 'lowmemory'];
    var NAMINGS = ['otel', 'prom-client'];
    var MAX_TIMER_MS = 2147483647;
    var PORT = { min: 0, max: 65535 };
    var POSITIVE_MS = { min: 1, max: MAX_TIMER_MS };
    var CARDINALITY = { min: 1, max: 1e7 };
    function envValue(env, name) {
      const raw = env[name];
      return raw === void 0 || raw.trim() === '' ? void 0 : raw;
    }
    var Resolver = class {
      env;
      sources = {};
      warnings = [];
      /** Defaults the preset replaces, by setting key. */
      presetDefaults = {};
      presetName = '';
      constructor(env) {
        this.env = env;
      }
      take(key, option, checkOption, envNames, parse, fallback) {
        if (option !== void 0) {
          this.sources[key] = { source: 'option', name: `options.${key}` };
          return checkOption(`options.${key}`, option);
        }
        for (const name of envNames) {
          const raw = envValue(this.env, name);
          if (raw !== void 0) {
            this.sources[key] = { source: 'environment', name };
            return parse(name, raw);
          }
        }
        if (key in this.presetDefaults) {
          this.sources[key] = { source: 'preset', name: `OTELKIT_PRESET=${this.presetName}` };
          return this.presetDefaults[key];
        }
        this.sources[key] = { source: 'default', name: key };
        return fallback;
      }
      int(key, option, envNames, bounds, fallback) {
        return this.take(
          key,
          option,
          (s, v) => (0, parse_1.checkInteger)(s, v, bounds),
          envNames,
          (s, raw) => (0, parse_1.parseInteger)(s, raw, bounds),
          fallback,
        );
      }
      bool(key, option, envName, fallback) {
        return this.take(key, option, checkBoolean, [envName], parse_1.parseBoolean, fallback);
      }
      word(key, option, envNames, allowed, fallback) {
        return this.take(
          key,
          option,
          (s, v) => (0, parse_1.parseEnum)(s, String(v), allowed),
          envNames,
          (s, raw) => (0, parse_1.parseEnum)(s, raw, allowed),
          fallback,
        );
      }
    };
    function checkBoolean(setting, value) {
      if (typeof value !== 'boolean') (0, parse_1.invalid)(setting, value, 'true or false');
      return value;
    }
    function checkString(setting, value) {
      if (typeof value !== 'string' || value.trim() === '')
        (0, parse_1.invalid)(setting, value, 'a non-empty string');
      return value;
    }
    function parseSdkDisabled(env, warnings) {
      const raw = envValue(env, 'OTEL_SDK_DISABLED');
      if (raw === void 0) return void 0;
      const text = raw.trim().toLowerCase();
      if (text === 'true') return true;
      if (text !== 'false')
        warnings.push(`OTEL_SDK_DISABLED=${JSON.stringify(raw)} is not true or false; treated as false`);
      return false;
    }
    function resolveOtlpEndpoint(options, r) {
      if (options.otlp?.endpoint !== void 0) {
        r.sources.otlpEndpoint = { source: 'option', name: 'options.otlp.endpoint' };
        return (0, parse_1.parseUrl)('options.otlp.endpoint', options.otlp.endpoint);
      }
      const specific = envValue(r.env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT');
      if (specific !== void 0) {
        r.sources.otlpEndpoint = { source: 'environment', name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT' };
        return (0, parse_1.parseUrl)('OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', specific);
      }
      const base = envValue(r.env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
      if (base !== void 0) {
        r.sources.otlpEndpoint = { source: 'environment', name: 'OTEL_EXPORTER_OTLP_ENDPOINT' };
        return signalUrl((0, parse_1.parseUrl)('OTEL_EXPORTER_OTLP_ENDPOINT', base), 'v1/metrics');
      }
      r.sources.otlpEndpoint = { source: 'default', name: 'otlpEndpoint' };
      return void 0;
    }
    function signalUrl(base, path) {
      return base.endsWith('/') ? `${base}${path}` : `${base}/${path}`;
    }
    function resolveAuth(options, r) {
      if (options.auth !== void 0) {
        r.sources.auth = { source: 'option', name: 'options.auth' };
        const a = options.auth;
        if (a.type === 'basic') {
          checkString('options.auth.username', a.username);
          if (a.username.includes(':'))
            (0, parse_1.invalid)('options.auth.username', a.username, 'a user name without ":"');
          checkString('options.auth.password', a.password);
        } else if (a.type === 'bearer') checkString('options.auth.token', a.token);
        else (0, parse_1.invalid)('options.auth.type', a.type, 'basic or bearer');
        return a;
      }
      const user = envValue(r.env, 'OTELKIT_AUTH_USERNAME');
      const password = envValue(r.env, 'OTELKIT_AUTH_PASSWORD');
      const token = envValue(r.env, 'OTELKIT_AUTH_TOKEN');
      if (token !== void 0 && (user !== void 0 || password !== void 0)) {
        (0, parse_1.invalid)(
          'OTELKIT_AUTH_TOKEN',
          '(set)',
          'either a token or a user name and password, not both',
        );
      }
      if (token !== void 0) {
        r.sources.auth = { source: 'environment', name: 'OTELKIT_AUTH_TOKEN' };
        return { type: 'bearer', token };
      }
      if (user !== void 0 || password !== void 0) {
        if (user === void 0)
          (0, parse_1.invalid)('OTELKIT_AUTH_USERNAME', '', 'a user name when OTELKIT_AUTH_PASSWORD is set');
        if (password === void 0)
          (0, parse_1.invalid)('OTELKIT_AUTH_PASSWORD', '', 'a password when OTELKIT_AUTH_USERNAME is set');
        if (user.includes(':'))
          (0, parse_1.invalid)('OTELKIT_AUTH_USERNAME', user, 'a user name without ":"');
        r.sources.auth = { source: 'environment', name: 'OTELKIT_AUTH_USERNAME' };
        return { type: 'basic', username: user, password };
      }
      r.sources.auth = { source: 'default', name: 'auth' };
      return void 0;
    }
    function resolveTls(options, r) {
      if (options.tls !== void 0) {
        r.sources.tls = { source: 'option', name: 'options.tls' };
        checkString('options.tls.certFile', options.tls.certFile);
        checkString('options.tls.keyFile', options.tls.keyFile);
        return options.tls;
      }
      const certFile = envValue(r.env, 'OTELKIT_TLS_CERT_FILE');
      const keyFile = envValue(r.env, 'OTELKIT_TLS_KEY_FILE');
      if (certFile === void 0 && keyFile === void 0) {
        r.sources.tls = { source: 'default', name: 'tls' };
        return void 0;
      }
      if (certFile === void 0)
        (0, parse_1.invalid)(
          'OTELKIT_TLS_CERT_FILE',
          '',
          'a certificate file when OTELKIT_TLS_KEY_FILE is set',
        );
      if (keyFile === void 0)
        (0, parse_1.invalid)('OTELKIT_TLS_KEY_FILE', '', 'a key file when OTELKIT_TLS_CERT_FILE is set');
      r.sources.tls = { source: 'environment', name: 'OTELKIT_TLS_CERT_FILE' };
      return { certFile, keyFile };
    }
    function resolveResourceAttributes(options, r) {
      const raw = envValue(r.env, 'OTEL_RESOURCE_ATTRIBUTES');
      const fromEnv = raw === void 0 ? {} : (0, parse_1.parseKeyValueList)('OTEL_RESOURCE_ATTRIBUTES', raw);
      return { ...fromEnv, ...options.resourceAttributes };
    }
    function resolveConfig(options = {}, env = options.env ?? process.env) {
      const r = new Resolver(env);
      const envDisabled = parseSdkDisabled(env, r.warnings);
      const disabled = r.take(
        'disabled',
        options.disabled ?? envDisabled,
        checkBoolean,
        [],
        parse_1.parseBoolean,
        false,
      );
      if (options.disabled === void 0 && envDisabled !== void 0) {
        r.sources.disabled = { source: 'environment', name: 'OTEL_SDK_DISABLED' };
      }
      const preset = r.take(
        'preset',
        options.preset,
        (name, v) => (0, parse_1.parseEnum)(name, String(v), presets_1.PRESET_NAMES),
        ['OTELKIT_PRESET'],
        (name, raw) => (0, parse_1.parseEnum)(name, raw, presets_1.PRESET_NAMES),
        void 0,
      );
      if (preset !== void 0) {
        const p = presets_1.PRESETS[preset];
        r.presetName = preset;
        r.presetDefaults = { logLevel: p.logLevel, exportIntervalMs: p.exportIntervalMs };
      }
      const resourceAttributes = resolveResourceAttributes(options, r);
      const attrName = resourceAttributes['service.name'];
      const serviceName = r.take(
        'serviceName',
        options.serviceName,
        checkString,
        ['OTEL_SERVICE_NAME'],
        (s, raw) => checkString(s, raw.trim()),
        typeof attrName === 'string' && attrName !== '' ? attrName : exports2.DEFAULTS.serviceName,
      );
      const attrVersion = resourceAttributes['service.version'];
      const serviceVersion = r.take(
        'serviceVersion',
        options.serviceVersion,
        (s, v) => checkString(s, v ?? ''),
        ['OTELKIT_SERVICE_VERSION', 'npm_package_version'],
        (_s, raw) => raw.trim(),
        typeof attrVersion === 'string' ? attrVersion : void 0,
      );
      const attrEnv = resourceAttributes['deployment.environment.name'];
      const environment = r.take(
        'environment',
        options.environment,
        (s, v) => checkString(s, v ?? ''),
        ['OTELKIT_ENVIRONMENT', 'NODE_ENV'],
        (_s, raw) => raw.trim(),
        typeof attrEnv === 'string' ? attrEnv : void 0,
      );
      const logLevel = r.word(
        'logLevel',
        options.logLevel,
        ['OTEL_LOG_LEVEL'],
        LOG_LEVELS,
        exports2.DEFAULTS.logLevel,
      );
      const otlpEndpoint = resolveOtlpEndpoint(options, r);
      const otlpHeaders = r.take(
        'otlpHeaders',
        options.otlp?.headers,
        (_s, v) => v,
        ['OTEL_EXPORTER_OTLP_METRICS_HEADERS', 'OTEL_EXPORTER_OTLP_HEADERS'],
        parse_1.parseKeyValueList,
        {},
      );
      const otlpTimeoutMs = r.int(
        'otlpTimeoutMs',
        options.otlp?.timeoutMs,
        ['OTEL_EXPORTER_OTLP_METRICS_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'],
        POSITIVE_MS,
        exports2.DEFAULTS.otlpTimeoutMs,
      );
      const temporality = r.word(
        'otlpTemporality',
        options.otlp?.temporality,
        ['OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE'],
        TEMPORALITIES,
        exports2.DEFAULTS.temporality,
      );
      const protocol =
        envValue(env, 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL') ?? envValue(env, 'OTEL_EXPORTER_OTLP_PROTOCOL');
      if (protocol !== void 0 && protocol.trim() !== 'http/json' && protocol.trim() !== 'http/protobuf') {
        (0, parse_1.invalid)(
          envValue(env, 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL') !== void 0
            ? 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL'
            : 'OTEL_EXPORTER_OTLP_PROTOCOL',
          protocol,
          'http/json or http/protobuf (otelkit exports OTLP over HTTP)',
        );
      }
      const metricsExporters = r.take(
        'metricsExporters',
        options.metricsExporters,
        (s, v) => (0, parse_1.parseEnumList)(s, Array.isArray(v) ? v.join(',') : String(v), EXPORTERS),
        ['OTEL_METRICS_EXPORTER'],
        (s, raw) => (0, parse_1.parseEnumList)(s, raw, EXPORTERS),
        otlpEndpoint === void 0 ? ['prometheus'] : ['prometheus', 'otlp'],
      );
      if (metricsExporters.includes('none') && metricsExporters.length > 1) {
        const setting = r.sources.metricsExporters?.name ?? 'OTEL_METRICS_EXPORTER';
        (0, parse_1.invalid)(setting, metricsExporters.join(','), '"none" alone, or a list without "none"');
      }
      const exportIntervalMs = r.int(
        'exportIntervalMs',
        options.exportIntervalMs,
        ['OTEL_METRIC_EXPORT_INTERVAL'],
        POSITIVE_MS,
        exports2.DEFAULTS.exportIntervalMs,
      );
      let exportTimeoutMs = r.int(
        'exportTimeoutMs',
        options.exportTimeoutMs,
        ['OTEL_METRIC_EXPORT_TIMEOUT'],
        POSITIVE_MS,
        exports2.DEFAULTS.exportTimeoutMs,
      );
      if (exportTimeoutMs > exportIntervalMs) {
        if (r.sources.exportTimeoutMs?.source !== 'default') {
          (0, parse_1.invalid)(
            r.sources.exportTimeoutMs?.name ?? 'OTEL_METRIC_EXPORT_TIMEOUT',
            exportTimeoutMs,
            `at most the export interval (${exportIntervalMs})`,
          );
        }
        exportTimeoutMs = exportIntervalMs;
      }
      const auth = resolveAuth(options, r);
      const config = {
        preset,
        disabled,
        serviceName,
        serviceVersion,
        environment,
        resourceAttributes,
        logLevel,
        metricsExporters,
        otlp: { endpoint: otlpEndpoint, headers: otlpHeaders, timeoutMs: otlpTimeoutMs, temporality },
        exportIntervalMs,
        exportTimeoutMs,
        cardinalityLimit: r.int(
          'cardinalityLimit',
          options.cardinalityLimit,
          ['OTELKIT_CARDINALITY_LIMIT'],
          CARDINALITY,
          exports2.DEFAULTS.cardinalityLimit,
        ),
        runtimeMetrics: r.bool(
          'runtimeMetrics',
          options.runtimeMetrics,
          'OTELKIT_RUNTIME_METRICS',
          exports2.DEFAULTS.runtimeMetrics,
        ),
        runtimeMetricsNaming: r.word(
          'runtimeMetricsNaming',
          options.runtimeMetricsNaming,
          ['OTELKIT_RUNTIME_METRICS_NAMING'],
          NAMINGS,
          exports2.DEFAULTS.runtimeMetricsNaming,
        ),
        server: r.bool('server', options.server, 'OTELKIT_SERVER', exports2.DEFAULTS.server),
        host: r.take(
          'host',
          options.host,
          parse_1.parseHost,
          ['OTELKIT_HOST'],
          parse_1.parseHost,
          exports2.DEFAULTS.host,
        ),
        port: r.int('port', options.port, ['OTELKIT_PORT'], PORT, exports2.DEFAULTS.port),
        requestTimeoutMs: r.int(
          'requestTimeoutMs',
          options.requestTimeoutMs,
          ['OTELKIT_REQUEST_TIMEOUT_MS'],
          POSITIVE_MS,
          exports2.DEFAULTS.requestTimeoutMs,
        ),
        auth,
        tls: resolveTls(options, r),
        shutdownTimeoutMs: r.int(
          'shutdownTimeoutMs',
          options.shutdownTimeoutMs,
          ['OTELKIT_SHUTDOWN_TIMEOUT_MS'],
          POSITIVE_MS,
          exports2.DEFAULTS.shutdownTimeoutMs,
        ),
        configFile: r.take(
          'configFile',
          options.configFile,
          (name, v) => checkString(name, v ?? ''),
          ['OTELKIT_CONFIG_FILE'],
          (_name, raw) => raw.trim(),
          void 0,
        ),
        sources: r.sources,
      };
      if (
        preset !== void 0 &&
        presets_1.PRESETS[preset].authRequired &&
        config.server &&
        !config.disabled &&
        auth === void 0
      ) {
        (0, parse_1.invalid)(
          'OTELKIT_PRESET',
          preset,
          'credentials for the observability server with this preset: OTELKIT_AUTH_USERNAME and OTELKIT_AUTH_PASSWORD, or OTELKIT_AUTH_TOKEN (or OTELKIT_SERVER=false)',
        );
      }
      return { config, warnings: r.warnings };
    }
  },
});

// packages/core/dist/diag-logger.js
var require_diag_logger = __commonJS({
  'packages/core/dist/diag-logger.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.setDiagLogLevel = setDiagLogLevel;
    var node_util_1 = require('node:util');
    var api_1 = require('@opentelemetry/api');
    var LEVELS = {
      none: api_1.DiagLogLevel.NONE,
      error: api_1.DiagLogLevel.ERROR,
      warn: api_1.DiagLogLevel.WARN,
      info: api_1.DiagLogLevel.INFO,
      debug: api_1.DiagLogLevel.DEBUG,
      verbose: api_1.DiagLogLevel.VERBOSE,
      all: api_1.DiagLogLevel.ALL,
    };
    function line(message, ...args) {
      process.stderr.write(`${(0, node_util_1.format)(message, ...args)}
`);
    }
    var STDERR_LOGGER = {
      error: line,
      warn: line,
      info: line,
      debug: line,
      verbose: line,
    };
    function setDiagLogLevel(level) {
      api_1.diag.setLogger(STDERR_LOGGER, { logLevel: LEVELS[level], suppressOverrideMessage: true });
    }
  },
});

// packages/core/dist/exemplars/store.js
var require_store = __commonJS({
  'packages/core/dist/exemplars/store.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.exemplars = exports2.ExemplarStore = void 0;
    var PER_SERIES = 8;
    var MAX_SERIES = 2e3;
    var EMPTY = Object.freeze({});
    function seriesKey(attributes) {
      const keys = Object.keys(attributes).sort();
      let key = '';
      for (const k of keys) key += `${k}\0${String(attributes[k])}`;
      return key;
    }
    var ExemplarStore = class {
      byInstrument = /* @__PURE__ */ new Map();
      /** Offers one measurement of `instrument` taken inside the sampled span `span`. */
      offer(instrument, attributes, value, span) {
        let series = this.byInstrument.get(instrument);
        if (series === void 0) {
          series = /* @__PURE__ */ new Map();
          this.byInstrument.set(instrument, series);
        }
        const key = seriesKey(attributes ?? EMPTY);
        let ring = series.get(key);
        if (ring === void 0) {
          if (series.size >= MAX_SERIES) return;
          ring = [];
          series.set(key, ring);
        }
        const now = Date.now();
        const exemplar = {
          filteredAttributes: EMPTY,
          value,
          timestamp: [Math.floor(now / 1e3), (now % 1e3) * 1e6],
          traceId: span.traceId,
          spanId: span.spanId,
        };
        if (ring.length >= PER_SERIES) ring.shift();
        ring.push(exemplar);
      }
      /** Attaches the stored exemplars to matching data points of a collection (in place). */
      attach(resourceMetrics) {
        if (this.byInstrument.size === 0) return;
        for (const scope of resourceMetrics.scopeMetrics) {
          for (const metric of scope.metrics) {
            const series = this.byInstrument.get(metric.descriptor.name);
            if (series === void 0) continue;
            for (const point of metric.dataPoints) {
              const exemplars = series.get(seriesKey(point.attributes));
              if (exemplars !== void 0) point.exemplars = exemplars;
            }
          }
        }
      }
    };
    exports2.ExemplarStore = ExemplarStore;
    exports2.exemplars = new ExemplarStore();
  },
});

// packages/core/dist/meter/local-instrument.js
var require_local_instrument = __commonJS({
  'packages/core/dist/meter/local-instrument.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.SeriesSet = void 0;
    exports2.nowHrTime = nowHrTime;
    exports2.doubleDescriptor = doubleDescriptor;
    var api_1 = require('@opentelemetry/api');
    function nowHrTime() {
      const ms = Date.now();
      return [Math.floor(ms / 1e3), (ms % 1e3) * 1e6];
    }
    var SeriesSet = class {
      guard;
      /** Every series, in creation order: what a collection exports. */
      all = [];
      make;
      constructor(guard, create) {
        this.guard = guard;
        this.make = (attributes) => {
          const series = create(attributes);
          this.all.push(series);
          return series;
        };
      }
      /** The series of `attributes` (the overflow series once the guard's limit is reached). */
      of(attributes) {
        return this.guard.seriesOf(attributes, this.make);
      }
    };
    exports2.SeriesSet = SeriesSet;
    function doubleDescriptor(name, description, unit) {
      return { name, description, unit, valueType: api_1.ValueType.DOUBLE };
    }
  },
});

// packages/core/dist/export/local-producer.js
var require_local_producer = __commonJS({
  'packages/core/dist/export/local-producer.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LocalMetricProducer = void 0;
    var resources_1 = require('@opentelemetry/resources');
    var local_instrument_1 = require_local_instrument();
    var LocalMetricProducer = class {
      registry;
      temporality;
      reported = /* @__PURE__ */ new WeakMap();
      /**
       * @param temporality the reader's temporality for counters and histograms
       */
      constructor(registry, temporality) {
        this.registry = registry;
        this.temporality = temporality;
      }
      async collect() {
        const context = {
          endTime: (0, local_instrument_1.nowHrTime)(),
          temporality: this.temporality,
          reported: this.reported,
        };
        const scopeMetrics = [];
        for (const { scope, instruments } of this.registry.entries()) {
          const metrics = [];
          for (const instrument of instruments) {
            const data = instrument.collect(context);
            if (data !== void 0) metrics.push(data);
          }
          if (metrics.length > 0) scopeMetrics.push({ scope, metrics });
        }
        return { resourceMetrics: { resource: (0, resources_1.emptyResource)(), scopeMetrics }, errors: [] };
      }
    };
    exports2.LocalMetricProducer = LocalMetricProducer;
  },
});

// packages/core/dist/prometheus/format.js
var require_format = __commonJS({
  'packages/core/dist/prometheus/format.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.escapeLabelValue = escapeLabelValue;
    exports2.escapeHelp = escapeHelp;
    exports2.attributeValueToString = attributeValueToString;
    exports2.formatValue = formatValue;
    exports2.formatBound = formatBound;
    var BACKSLASH = /\\/g;
    var QUOTE = /"/g;
    var NEWLINE = /\n/g;
    function escapeLabelValue(value) {
      if (value.indexOf('\\') === -1 && value.indexOf('"') === -1 && value.indexOf('\n') === -1) return value;
      return value.replace(BACKSLASH, '\\\\').replace(QUOTE, '\\"').replace(NEWLINE, '\\n');
    }
    function escapeHelp(help, openMetrics) {
      const escaped = help.replace(BACKSLASH, '\\\\').replace(NEWLINE, '\\n');
      return openMetrics ? escaped.replace(QUOTE, '\\"') : escaped;
    }
    function attributeValueToString(value) {
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return JSON.stringify(value);
    }
    function formatValue(value) {
      if (value === Number.POSITIVE_INFINITY) return '+Inf';
      if (value === Number.NEGATIVE_INFINITY) return '-Inf';
      return `${value}`;
    }
    function formatBound(bound, openMetrics) {
      if (bound === Number.POSITIVE_INFINITY) return '+Inf';
      if (bound === Number.NEGATIVE_INFINITY) return '-Inf';
      const text = `${bound}`;
      if (openMetrics && Number.isInteger(bound) && text.indexOf('e') === -1) return `${text}.0`;
      return text;
    }
  },
});

// packages/core/dist/prometheus/units.js
var require_units = __commonJS({
  'packages/core/dist/prometheus/units.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.prometheusUnit = prometheusUnit;
    var UNIT_WORDS = {
      // time
      d: 'days',
      h: 'hours',
      min: 'minutes',
      s: 'seconds',
      ms: 'milliseconds',
      us: 'microseconds',
      ns: 'nanoseconds',
      // bytes
      By: 'bytes',
      KiBy: 'kibibytes',
      MiBy: 'mebibytes',
      GiBy: 'gibibytes',
      TiBy: 'tebibytes',
      KBy: 'kilobytes',
      MBy: 'megabytes',
      GBy: 'gigabytes',
      TBy: 'terabytes',
      bit: 'bits',
      // SI
      m: 'meters',
      V: 'volts',
      A: 'amperes',
      J: 'joules',
      W: 'watts',
      g: 'grams',
      // misc
      Cel: 'celsius',
      Hz: 'hertz',
      '%': 'percent',
    };
    var PER_UNIT_WORDS = {
      s: 'second',
      m: 'minute',
      h: 'hour',
      d: 'day',
      w: 'week',
      mo: 'month',
      y: 'year',
    };
    var ANNOTATION = /\{[^}]*\}/g;
    var NOT_ALPHANUMERIC = /[^a-zA-Z0-9]+/g;
    var EDGE_UNDERSCORES = /^_+|_+$/g;
    function unitWord(unit, words) {
      const known = words[unit];
      if (known !== void 0) return known;
      return unit.replace(NOT_ALPHANUMERIC, '_').replace(EDGE_UNDERSCORES, '');
    }
    function prometheusUnit(unit, isGauge) {
      const stripped = unit.replace(ANNOTATION, '').trim();
      if (stripped === '') return '';
      const slash = stripped.indexOf('/');
      if (slash === -1) {
        if (stripped === '1') return isGauge ? 'ratio' : '';
        return unitWord(stripped, UNIT_WORDS);
      }
      const main = stripped.slice(0, slash).trim();
      const per = stripped.slice(slash + 1).trim();
      const mainWord = main === '' || main === '1' ? '' : unitWord(main, UNIT_WORDS);
      const perWord = per === '' ? '' : unitWord(per, PER_UNIT_WORDS);
      if (perWord === '') return mainWord;
      return mainWord === '' ? `per_${perWord}` : `${mainWord}_per_${perWord}`;
    }
  },
});

// packages/core/dist/prometheus/naming.js
var require_naming = __commonJS({
  'packages/core/dist/prometheus/naming.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.toPrometheusMetricName = toPrometheusMetricName;
    exports2.toPrometheusLabelName = toPrometheusLabelName;
    var units_1 = require_units();
    var INVALID_METRIC_CHARS = /[^a-zA-Z0-9_]/g;
    var INVALID_LABEL_CHARS = /[^a-zA-Z0-9_]/g;
    var REPEATED_UNDERSCORES = /_{2,}/g;
    var STARTS_WITH_DIGIT = /^[0-9]/;
    var MAX_CACHE_ENTRIES = 1e4;
    function sanitizeMetricName(name) {
      const sanitized = name.replace(INVALID_METRIC_CHARS, '_').replace(REPEATED_UNDERSCORES, '_');
      if (sanitized === '') return '_';
      return STARTS_WITH_DIGIT.test(sanitized) ? `_${sanitized}` : sanitized;
    }
    function computeMetricName(otelName, unit, kind) {
      let base = sanitizeMetricName(otelName);
      if (kind === 'counter' && base.endsWith('_total')) base = base.slice(0, -'_total'.length) || '_';
      const unitWord = (0, units_1.prometheusUnit)(unit, kind === 'gauge');
      if (unitWord !== '' && base !== unitWord && !base.endsWith(`_${unitWord}`))
        base = `${base}_${unitWord}`;
      return { name: kind === 'counter' ? `${base}_total` : base, familyName: base, unit: unitWord };
    }
    var metricNameCache = /* @__PURE__ */ new Map();
    function toPrometheusMetricName(otelName, unit, kind) {
      const key = `${kind}\0${unit}\0${otelName}`;
      let cached = metricNameCache.get(key);
      if (cached === void 0) {
        cached = computeMetricName(otelName, unit, kind);
        if (metricNameCache.size >= MAX_CACHE_ENTRIES) metricNameCache.clear();
        metricNameCache.set(key, cached);
      }
      return cached;
    }
    var labelNameCache = /* @__PURE__ */ new Map();
    function toPrometheusLabelName(key) {
      let cached = labelNameCache.get(key);
      if (cached === void 0) {
        let label = key.replace(INVALID_LABEL_CHARS, '_').replace(REPEATED_UNDERSCORES, '_');
        if (label === '') label = '_';
        else if (STARTS_WITH_DIGIT.test(label)) label = `key_${label}`;
        cached = label === key ? key : label;
        if (labelNameCache.size >= MAX_CACHE_ENTRIES) labelNameCache.clear();
        labelNameCache.set(key, cached);
      }
      return cached;
    }
  },
});

// packages/core/dist/prometheus/labels.js
var require_labels = __commonJS({
  'packages/core/dist/prometheus/labels.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.attributesToLabels = attributesToLabels;
    exports2.attributesToLabelsExcluding = attributesToLabelsExcluding;
    var api_1 = require('@opentelemetry/api');
    var format_1 = require_format();
    var naming_1 = require_naming();
    var RESERVED_LABELS = /* @__PURE__ */ new Set(['otel_scope_name', 'otel_scope_version']);
    var warnedKeys = /* @__PURE__ */ new Set();
    function warnDroppedOnce(key, why) {
      if (warnedKeys.has(key) || warnedKeys.size > 1e3) return;
      warnedKeys.add(key);
      api_1.diag.warn(`otelkit: attribute "${key}" dropped from Prometheus labels: ${why}`);
    }
    function mergeLabels(attributes, exclude) {
      const merged = /* @__PURE__ */ new Map();
      for (const key of Object.keys(attributes).sort()) {
        const value = attributes[key];
        if (value === void 0 || value === null) continue;
        const label = (0, naming_1.toPrometheusLabelName)(key);
        if (label === exclude) {
          warnDroppedOnce(key, `"${exclude}" is written by the exporter`);
          continue;
        }
        if (RESERVED_LABELS.has(label)) {
          warnDroppedOnce(key, `"${label}" is written by the exporter`);
          continue;
        }
        const values = merged.get(label);
        const entry = [key, (0, format_1.attributeValueToString)(value)];
        if (values === void 0) merged.set(label, [entry]);
        else values.push(entry);
      }
      let out = '';
      for (const [label, values] of merged) {
        const value = values.length === 1 ? values[0][1] : values.map((v) => v[1]).join(';');
        out += `${out === '' ? '' : ','}${label}="${(0, format_1.escapeLabelValue)(value)}"`;
      }
      return out;
    }
    function attributesToLabels(attributes) {
      let out = '';
      for (const key in attributes) {
        const value = attributes[key];
        if (value === void 0 || value === null) continue;
        if ((0, naming_1.toPrometheusLabelName)(key) !== key || RESERVED_LABELS.has(key))
          return mergeLabels(attributes, void 0);
        const text = typeof value === 'string' ? value : (0, format_1.attributeValueToString)(value);
        out += `${out === '' ? '' : ','}${key}="${(0, format_1.escapeLabelValue)(text)}"`;
      }
      return out;
    }
    function attributesToLabelsExcluding(attributes, exclude) {
      return mergeLabels(attributes, exclude);
    }
  },
});

// packages/core/dist/prometheus/metric-info.js
var require_metric_info = __commonJS({
  'packages/core/dist/prometheus/metric-info.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.metricKind = metricKind;
    exports2.helpText = helpText;
    exports2.describeMetric = describeMetric;
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var format_1 = require_format();
    var naming_1 = require_naming();
    function metricKind(metric) {
      switch (metric.dataPointType) {
        case sdk_metrics_1.DataPointType.SUM:
          return metric.isMonotonic ? 'counter' : 'updowncounter';
        case sdk_metrics_1.DataPointType.GAUGE:
          return 'gauge';
        default:
          return 'histogram';
      }
    }
    function helpText(otelName, description) {
      return description.trim() === '' ? `${otelName} (no description provided)` : description;
    }
    function computeInfo(descriptor, kind) {
      const names = (0, naming_1.toPrometheusMetricName)(descriptor.name, descriptor.unit, kind);
      const type = kind === 'counter' ? 'counter' : kind === 'histogram' ? 'histogram' : 'gauge';
      const help = helpText(descriptor.name, descriptor.description);
      const textHeader = `# HELP ${names.name} ${(0, format_1.escapeHelp)(help, false)}
# TYPE ${names.name} ${type}
`;
      const family = names.familyName;
      let openMetricsHeader = `# TYPE ${family} ${type}
# HELP ${family} ${(0, format_1.escapeHelp)(help, true)}
`;
      if (names.unit !== '')
        openMetricsHeader += `# UNIT ${family} ${names.unit}
`;
      return {
        kind,
        type,
        names,
        textHeader,
        openMetricsHeader,
        otelName: descriptor.name,
        unit: descriptor.unit,
        description: descriptor.description,
      };
    }
    var infoCache = /* @__PURE__ */ new WeakMap();
    function describeMetric(metric) {
      const descriptor = metric.descriptor;
      const kind = metricKind(metric);
      const cached = infoCache.get(descriptor);
      if (
        cached !== void 0 &&
        cached.kind === kind &&
        cached.otelName === descriptor.name &&
        cached.unit === descriptor.unit &&
        cached.description === descriptor.description
      ) {
        return cached;
      }
      const info = computeInfo(descriptor, kind);
      infoCache.set(descriptor, info);
      return info;
    }
  },
});

// packages/core/dist/prometheus/exemplars.js
var require_exemplars = __commonJS({
  'packages/core/dist/prometheus/exemplars.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.formatExemplar = formatExemplar;
    exports2.bucketExemplars = bucketExemplars;
    exports2.counterExemplar = counterExemplar;
    var format_1 = require_format();
    var naming_1 = require_naming();
    var MAX_EXEMPLAR_LABEL_CHARS = 128;
    function formatExemplar(exemplar) {
      let labels = '';
      let used = 0;
      if (exemplar.traceId !== void 0 && exemplar.traceId !== '') {
        labels = `trace_id="${(0, format_1.escapeLabelValue)(exemplar.traceId)}"`;
        used += 8 + exemplar.traceId.length;
      }
      if (exemplar.spanId !== void 0 && exemplar.spanId !== '') {
        labels += `${labels === '' ? '' : ','}span_id="${(0, format_1.escapeLabelValue)(exemplar.spanId)}"`;
        used += 7 + exemplar.spanId.length;
      }
      for (const key in exemplar.filteredAttributes) {
        const value = exemplar.filteredAttributes[key];
        if (value === void 0 || value === null) continue;
        const label = (0, naming_1.toPrometheusLabelName)(key);
        if (label === 'trace_id' || label === 'span_id') continue;
        const text = (0, format_1.attributeValueToString)(value);
        if (used + label.length + text.length > MAX_EXEMPLAR_LABEL_CHARS) continue;
        used += label.length + text.length;
        labels += `${labels === '' ? '' : ','}${label}="${(0, format_1.escapeLabelValue)(text)}"`;
      }
      const [seconds, nanos] = exemplar.timestamp;
      const timestamp = (seconds + nanos / 1e9).toFixed(3);
      return ` # {${labels}} ${(0, format_1.formatValue)(exemplar.value)} ${timestamp}`;
    }
    function bucketExemplars(exemplars, boundaries, bucketCount) {
      if (exemplars === void 0 || exemplars.length === 0) return void 0;
      const chosen = new Array(bucketCount).fill(void 0);
      for (const exemplar of exemplars) {
        let index = 0;
        while (index < boundaries.length && index < bucketCount - 1 && exemplar.value > boundaries[index])
          index++;
        const current = chosen[index];
        if (current === void 0 || exemplar.value > current.value) chosen[index] = exemplar;
      }
      const rendered = [];
      let carried = '';
      for (const exemplar of chosen) {
        if (exemplar !== void 0) carried = formatExemplar(exemplar);
        rendered.push(carried);
      }
      return rendered;
    }
    function counterExemplar(exemplars) {
      if (exemplars === void 0 || exemplars.length === 0) return '';
      let latest = exemplars[0];
      for (const exemplar of exemplars) {
        const [s, n] = exemplar.timestamp;
        if (s > latest.timestamp[0] || (s === latest.timestamp[0] && n > latest.timestamp[1]))
          latest = exemplar;
      }
      return formatExemplar(latest);
    }
  },
});

// packages/core/dist/prometheus/exponential.js
var require_exponential = __commonJS({
  'packages/core/dist/prometheus/exponential.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.exponentialToExplicit = exponentialToExplicit;
    function exponentialToExplicit(histogram) {
      const factor = 2 ** -histogram.scale;
      const boundaries = [];
      const counts = [];
      const negative = histogram.negative;
      for (let i = negative.bucketCounts.length - 1; i >= 0; i--) {
        boundaries.push(-(2 ** ((negative.offset + i) * factor)));
        counts.push(negative.bucketCounts[i] ?? 0);
      }
      if (histogram.zeroCount > 0 || negative.bucketCounts.length > 0) {
        boundaries.push(0);
        counts.push(histogram.zeroCount);
      }
      const positive = histogram.positive;
      for (let i = 0; i < positive.bucketCounts.length; i++) {
        boundaries.push(2 ** ((positive.offset + i + 1) * factor));
        counts.push(positive.bucketCounts[i] ?? 0);
      }
      counts.push(0);
      return { boundaries, counts };
    }
  },
});

// packages/core/dist/prometheus/points.js
var require_points = __commonJS({
  'packages/core/dist/prometheus/points.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.writeNumberPoints = writeNumberPoints;
    exports2.writeHistogramPoints = writeHistogramPoints;
    exports2.writeExponentialHistogramPoints = writeExponentialHistogramPoints;
    var exemplars_1 = require_exemplars();
    var exponential_1 = require_exponential();
    var format_1 = require_format();
    var labels_1 = require_labels();
    function writeNumberPoints(name, points, scopeLabels, withExemplars) {
      let out = '';
      const prefix = `${name}{`;
      for (let i = 0; i < points.length; i++) {
        const point = points[i];
        const attrs = (0, labels_1.attributesToLabels)(point.attributes);
        const value = point.value;
        const text = value - value === 0 ? `${value}` : (0, format_1.formatValue)(value);
        out += `${prefix}${attrs === '' ? scopeLabels : `${attrs},${scopeLabels}`}} ${text}`;
        if (withExemplars) out += (0, exemplars_1.counterExemplar)(point.exemplars);
        out += '\n';
      }
      return out;
    }
    var textBounds = /* @__PURE__ */ new WeakMap();
    var openMetricsBounds = /* @__PURE__ */ new WeakMap();
    function boundStrings(boundaries, openMetrics) {
      const cache = openMetrics ? openMetricsBounds : textBounds;
      let strings = cache.get(boundaries);
      if (strings === void 0) {
        strings = boundaries.map((b) => (0, format_1.formatBound)(b, openMetrics));
        cache.set(boundaries, strings);
      }
      return strings;
    }
    function writeHistogram(name, point, buckets, scopeLabels, openMetrics) {
      const attributes = point.attributes;
      const attrs =
        attributes.le === void 0
          ? (0, labels_1.attributesToLabels)(attributes)
          : (0, labels_1.attributesToLabelsExcluding)(attributes, 'le');
      const labels = attrs === '' ? scopeLabels : `${attrs},${scopeLabels}`;
      const { boundaries, counts } = buckets;
      const finite =
        boundaries.length > 0 && boundaries[boundaries.length - 1] === Number.POSITIVE_INFINITY
          ? boundaries.length - 1
          : boundaries.length;
      const les = boundStrings(boundaries, openMetrics);
      const exemplars = openMetrics
        ? (0, exemplars_1.bucketExemplars)(point.exemplars, boundaries, finite + 1)
        : void 0;
      const bucketPrefix = `${name}_bucket{${labels},le="`;
      let out = '';
      let cumulative = 0;
      for (let i = 0; i < finite; i++) {
        cumulative += counts[i] ?? 0;
        out += `${bucketPrefix}${les[i]}"} ${cumulative}${exemplars === void 0 ? '' : exemplars[i]}
`;
      }
      for (let i = finite; i < counts.length; i++) cumulative += counts[i];
      out += `${bucketPrefix}+Inf"} ${cumulative}${exemplars === void 0 ? '' : exemplars[finite]}
`;
      const value = point.value;
      if (value.sum !== void 0)
        out += `${name}_sum{${labels}} ${(0, format_1.formatValue)(value.sum)}
`;
      out += `${name}_count{${labels}} ${value.count}
`;
      return out;
    }
    function writeHistogramPoints(name, points, scopeLabels, openMetrics) {
      let out = '';
      for (let i = 0; i < points.length; i++) {
        const point = points[i];
        out += writeHistogram(name, point, point.value.buckets, scopeLabels, openMetrics);
      }
      return out;
    }
    function writeExponentialHistogramPoints(name, points, scopeLabels, openMetrics) {
      let out = '';
      for (let i = 0; i < points.length; i++) {
        const point = points[i];
        out += writeHistogram(
          name,
          point,
          (0, exponential_1.exponentialToExplicit)(point.value),
          scopeLabels,
          openMetrics,
        );
      }
      return out;
    }
  },
});

// packages/core/dist/prometheus/serializer.js
var require_serializer = __commonJS({
  'packages/core/dist/prometheus/serializer.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.serializeMetrics = serializeMetrics;
    var api_1 = require('@opentelemetry/api');
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var format_1 = require_format();
    var labels_1 = require_labels();
    var metric_info_1 = require_metric_info();
    var points_1 = require_points();
    var TARGET_INFO = 'target_info';
    var warned = /* @__PURE__ */ new Set();
    function warnOnce(key, message) {
      if (warned.has(key) || warned.size > 1e3) return;
      warned.add(key);
      api_1.diag.warn(message);
    }
    var scopeLabelCache = /* @__PURE__ */ new WeakMap();
    function scopeLabels(scope) {
      let labels = scopeLabelCache.get(scope);
      if (labels === void 0) {
        labels = `otel_scope_name="${(0, format_1.escapeLabelValue)(scope.name)}"`;
        if (scope.version) labels += `,otel_scope_version="${(0, format_1.escapeLabelValue)(scope.version)}"`;
        scopeLabelCache.set(scope, labels);
      }
      return labels;
    }
    function writePoints(metric, info, scope, openMetrics) {
      switch (metric.dataPointType) {
        case sdk_metrics_1.DataPointType.SUM:
        case sdk_metrics_1.DataPointType.GAUGE:
          return (0, points_1.writeNumberPoints)(
            info.names.name,
            metric.dataPoints,
            scope,
            openMetrics && info.kind === 'counter',
          );
        case sdk_metrics_1.DataPointType.HISTOGRAM:
          return (0, points_1.writeHistogramPoints)(info.names.name, metric.dataPoints, scope, openMetrics);
        case sdk_metrics_1.DataPointType.EXPONENTIAL_HISTOGRAM:
          return (0, points_1.writeExponentialHistogramPoints)(
            info.names.name,
            metric.dataPoints,
            scope,
            openMetrics,
          );
        default:
          return '';
      }
    }
    function targetInfo(resource, openMetrics) {
      const labels = (0, labels_1.attributesToLabels)(resource.attributes);
      if (labels === '') return '';
      const header = openMetrics
        ? '# TYPE target info\n# HELP target Target metadata\n'
        : `# HELP ${TARGET_INFO} Target metadata
# TYPE ${TARGET_INFO} gauge
`;
      return `${header}${TARGET_INFO}{${labels}} 1
`;
    }
    function serializeMetrics(resourceMetrics, options) {
      const openMetrics = options.format === 'openmetrics';
      const families = /* @__PURE__ */ new Map();
      const target = targetInfo(resourceMetrics.resource, openMetrics);
      for (const scopeMetrics of resourceMetrics.scopeMetrics) {
        const scope = scopeLabels(scopeMetrics.scope);
        for (const metric of scopeMetrics.metrics) {
          if (metric.dataPoints.length === 0) continue;
          const info = (0, metric_info_1.describeMetric)(metric);
          const name = info.names.name;
          if (metric.aggregationTemporality === sdk_metrics_1.AggregationTemporality.DELTA) {
            warnOnce(
              `delta:${name}`,
              `otelkit: metric "${info.otelName}" has delta temporality; not exported to Prometheus`,
            );
            continue;
          }
          if (name === TARGET_INFO && target !== '') {
            warnOnce(
              `target:${name}`,
              `otelkit: metric "${info.otelName}" clashes with target_info; not exported`,
            );
            continue;
          }
          const key = openMetrics ? info.names.familyName : name;
          let family = families.get(key);
          if (family === void 0) {
            family = { info, body: '' };
            families.set(key, family);
          } else if (family.info.type !== info.type) {
            warnOnce(
              `type:${name}`,
              `otelkit: metric "${info.otelName}" (${info.type}) dropped: Prometheus name "${name}" is already a ${family.info.type}`,
            );
            continue;
          } else if (family.info.description === '' && info.description !== '') {
            family.info = info;
          }
          family.body += writePoints(metric, info, scope, openMetrics);
        }
      }
      let out = target;
      for (const family of families.values()) {
        out += openMetrics ? family.info.openMetricsHeader : family.info.textHeader;
        out += family.body;
      }
      if (openMetrics) out += '# EOF\n';
      return out;
    }
  },
});

// packages/core/dist/snapshot/quantile.js
var require_quantile = __commonJS({
  'packages/core/dist/snapshot/quantile.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.histogramQuantile = histogramQuantile;
    function histogramQuantile(q, input) {
      if (Number.isNaN(q)) return Number.NaN;
      if (q < 0) return Number.NEGATIVE_INFINITY;
      if (q > 1) return Number.POSITIVE_INFINITY;
      const { boundaries, counts, min, max } = input;
      let finite = boundaries.length;
      if (finite > 0 && boundaries[finite - 1] === Number.POSITIVE_INFINITY) finite--;
      let total = 0;
      for (const count of counts) total += count;
      if (total === 0 || Number.isNaN(total)) return Number.NaN;
      const rank = q * total;
      let below = 0;
      let bucket = 0;
      while (bucket < finite && below + (counts[bucket] ?? 0) < rank) {
        below += counts[bucket] ?? 0;
        bucket++;
      }
      let lower;
      let upper;
      if (bucket === finite) {
        const highest = finite > 0 ? boundaries[finite - 1] : Number.NEGATIVE_INFINITY;
        if (max === void 0 || !(max > highest)) return finite > 0 ? highest : Number.NaN;
        lower = min !== void 0 && min > highest ? min : highest;
        upper = max;
        if (finite === 0 && min === void 0) return max;
      } else {
        upper = boundaries[bucket];
        if (bucket > 0) lower = boundaries[bucket - 1];
        else if (min !== void 0) lower = min;
        else if (upper <= 0) return upper;
        else lower = 0;
        if (min !== void 0 && min > lower) lower = min;
        if (max !== void 0 && max < upper) upper = max;
      }
      const inBucket = counts[bucket] ?? 0;
      if (inBucket === 0 || upper <= lower) return upper;
      return lower + (upper - lower) * ((rank - below) / inBucket);
    }
  },
});

// packages/core/dist/snapshot/snapshot.js
var require_snapshot = __commonJS({
  'packages/core/dist/snapshot/snapshot.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.toJsonSnapshot = toJsonSnapshot;
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var exponential_1 = require_exponential();
    var metric_info_1 = require_metric_info();
    var quantile_1 = require_quantile();
    function snapshotValue(value) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      if (typeof value === 'bigint') return value.toString();
      return JSON.stringify(value) ?? String(value);
    }
    function toSnapshotAttributes(attributes) {
      const out = {};
      for (const key in attributes) {
        const value = attributes[key];
        if (value === void 0 || value === null) continue;
        out[key] = snapshotValue(value);
      }
      return out;
    }
    function histogramPoint(attributes, value, buckets) {
      const { boundaries, counts } = buckets;
      const cumulative = [];
      let running = 0;
      for (let i = 0; i < counts.length; i++) {
        running += counts[i];
        const bound = boundaries[i];
        if (bound !== void 0 && bound !== Number.POSITIVE_INFINITY)
          cumulative.push({ le: bound, count: running });
      }
      cumulative.push({ le: '+Inf', count: running });
      const input = { boundaries, counts, min: value.min, max: value.max };
      const quantile = (q) => {
        const estimate = (0, quantile_1.histogramQuantile)(q, input);
        return Number.isNaN(estimate) ? void 0 : estimate;
      };
      const point = {
        attributes: toSnapshotAttributes(attributes),
        count: value.count,
        ...(value.sum !== void 0 && { sum: value.sum }),
        ...(value.min !== void 0 && Number.isFinite(value.min) && { min: value.min }),
        ...(value.max !== void 0 && Number.isFinite(value.max) && { max: value.max }),
        p50: quantile(0.5),
        p95: quantile(0.95),
        p99: quantile(0.99),
        buckets: cumulative,
      };
      return point;
    }
    function points(metric) {
      switch (metric.dataPointType) {
        case sdk_metrics_1.DataPointType.SUM:
        case sdk_metrics_1.DataPointType.GAUGE:
          return metric.dataPoints.map((p) => ({
            attributes: toSnapshotAttributes(p.attributes),
            value: p.value,
          }));
        case sdk_metrics_1.DataPointType.HISTOGRAM:
          return metric.dataPoints.map((p) => histogramPoint(p.attributes, p.value, p.value.buckets));
        case sdk_metrics_1.DataPointType.EXPONENTIAL_HISTOGRAM:
          return metric.dataPoints.map((p) =>
            histogramPoint(p.attributes, p.value, (0, exponential_1.exponentialToExplicit)(p.value)),
          );
        default:
          return [];
      }
    }
    function toJsonSnapshot(resourceMetrics) {
      const metrics = [];
      for (const scopeMetrics of resourceMetrics.scopeMetrics) {
        const { name: scopeName, version } = scopeMetrics.scope;
        const scope = version ? { name: scopeName, version } : { name: scopeName };
        for (const metric of scopeMetrics.metrics) {
          const info = (0, metric_info_1.describeMetric)(metric);
          metrics.push({
            name: info.otelName,
            prometheusName: info.names.name,
            type: info.kind,
            unit: info.unit,
            description: info.description,
            scope,
            points: points(metric),
          });
        }
      }
      return {
        timestamp: /* @__PURE__ */ new Date().toISOString(),
        resource: toSnapshotAttributes(resourceMetrics.resource.attributes),
        metrics,
      };
    }
  },
});

// packages/core/dist/exposition.js
var require_exposition = __commonJS({
  'packages/core/dist/exposition.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.serializeMetrics = serializeMetrics;
    exports2.toJsonSnapshot = toJsonSnapshot;
    exports2.toPrometheusMetricName = toPrometheusMetricName;
    exports2.toPrometheusLabelName = toPrometheusLabelName;
    exports2.histogramQuantile = histogramQuantile;
    var serializer;
    var snapshot;
    var naming;
    var quantile;
    function serializeMetrics(...args) {
      serializer ??= require_serializer();
      return serializer.serializeMetrics(...args);
    }
    function toJsonSnapshot(...args) {
      snapshot ??= require_snapshot();
      return snapshot.toJsonSnapshot(...args);
    }
    function toPrometheusMetricName(...args) {
      naming ??= require_naming();
      return naming.toPrometheusMetricName(...args);
    }
    function toPrometheusLabelName(...args) {
      naming ??= require_naming();
      return naming.toPrometheusLabelName(...args);
    }
    function histogramQuantile(...args) {
      quantile ??= require_quantile();
      return quantile.histogramQuantile(...args);
    }
  },
});

// packages/core/dist/meter/buckets.js
var require_buckets = __commonJS({
  'packages/core/dist/meter/buckets.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.SECONDS_BUCKETS = void 0;
    exports2.SECONDS_BUCKETS = Object.freeze([
      5e-3, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
    ]);
  },
});

// packages/core/dist/meter/guard.js
var require_guard = __commonJS({
  'packages/core/dist/meter/guard.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CardinalityGuard = exports2.OVERFLOW_ATTRIBUTES = void 0;
    var api_1 = require('@opentelemetry/api');
    exports2.OVERFLOW_ATTRIBUTES = Object.freeze({ 'otel.metric.overflow': true });
    var EMPTY = Object.freeze({});
    var SLOW = /* @__PURE__ */ Symbol('slow');
    var OVERFLOW_KEY = 'overflow';
    var MAX_STRING = 1024;
    function isPrimitive(value) {
      const t = typeof value;
      return t === 'string' || t === 'number' || t === 'boolean';
    }
    function isAttributeValue(value) {
      if (isPrimitive(value)) return true;
      if (!Array.isArray(value)) return false;
      for (const item of value) if (item !== null && item !== void 0 && !isPrimitive(item)) return false;
      return true;
    }
    var CardinalityGuard = class {
      instrument;
      limit;
      /** Measurements routed to the overflow series since start. */
      overflowed = 0;
      /** Attributes dropped because their values were not attribute values (objects, functions, …). */
      droppedAttributes = 0;
      /** Per-series state of aggregating instruments, by canonical key (at most limit + 1). */
      payloads = /* @__PURE__ */ new Map();
      /** Admitted sets in callers' property orders (fast path), at most twice the limit. */
      seen = new TrieNode();
      orders = 0;
      /** Order-independent keys of the admitted attribute sets: the real count, at most `limit`. */
      sets = /* @__PURE__ */ new Set();
      warned = false;
      warnedSanitize = false;
      constructor(instrument, limit) {
        this.instrument = instrument;
        this.limit = limit;
      }
      /** Number of distinct attribute sets admitted. */
      get series() {
        return this.sets.size;
      }
      /** Returns the attributes to record with: the given ones, a cleaned copy, or the overflow set. */
      admit(attributes) {
        if (attributes === void 0) return EMPTY;
        const node = this.find(attributes);
        if (node === SLOW) return this.slow(attributes);
        return node?.end === true ? attributes : this.miss(attributes);
      }
      /**
       * The per-series state (`make` creates it once per admitted attribute set, or once for the overflow
       * series), found on the fast path with one walk of the trie: for instruments that aggregate in
       * process, such as otelkit's histograms.
       */
      seriesOf(given, make) {
        const attributes = given ?? EMPTY;
        const node = this.find(attributes);
        if (node !== SLOW && node?.payload !== void 0) return node.payload;
        const admitted = this.admit(attributes);
        const key = admitted === exports2.OVERFLOW_ATTRIBUTES ? OVERFLOW_KEY : canonicalKey(admitted);
        let payload = this.payloads.get(key);
        if (payload === void 0) {
          payload = make(admitted);
          this.payloads.set(key, payload);
        }
        if (admitted === attributes) {
          const own = this.find(attributes);
          if (own !== SLOW && own?.end === true) own.payload = payload;
        }
        return payload;
      }
      /**
       * Fast path: walks a trie of (name, value) in the caller's property order. A call site always builds
       * its attributes in the same order, so after the first measurement of a set this is a few Map lookups
       * of (usually internalized) strings, with no allocation and no hashing of a built key. Returns `SLOW`
       * when a value needs cleaning, `undefined` when this order of this set was not seen yet.
       */
      find(attributes) {
        let node = this.seen;
        for (const name in attributes) {
          const value = attributes[name];
          const t = typeof value;
          if (t === 'string') {
            if (value.length > MAX_STRING) return SLOW;
          } else if (t !== 'number' && t !== 'boolean') return SLOW;
          if (node !== void 0) node = node.step(name, value);
        }
        return node;
      }
      /**
       * First sight of this property order: decide on the order-independent (sorted) key, so that
       * `{a, b}` and `{b, a}` are one attribute set, as they are for OpenTelemetry.
       */
      miss(attributes) {
        const canonical = canonicalKey(attributes);
        if (this.sets.has(canonical)) {
          if (this.orders < this.limit * 2) this.remember(attributes);
          return attributes;
        }
        if (this.sets.size < this.limit) {
          this.sets.add(canonical);
          this.remember(attributes);
          return attributes;
        }
        this.overflowed++;
        if (!this.warned) {
          this.warned = true;
          api_1.diag.warn(
            `otelkit: instrument "${this.instrument}" reached its cardinality limit of ${this.limit} attribute sets; further sets are recorded in the otel.metric.overflow series (see otelkit_metric_overflow_measurements_total)`,
          );
        }
        return exports2.OVERFLOW_ATTRIBUTES;
      }
      /** Adds this property order of an admitted set to the fast-path trie. */
      remember(attributes) {
        let node = this.seen;
        for (const name in attributes) node = node.child(name, attributes[name]);
        if (!node.end) {
          node.end = true;
          this.orders++;
        }
      }
      /** Attributes with values that need cleaning: drop invalid ones, clip long strings, then admit. */
      slow(attributes) {
        const clean = this.sanitize(attributes, Object.keys(attributes));
        if (Object.keys(clean).some((k) => typeof clean[k] === 'object')) return this.miss(clean);
        return this.admit(clean);
      }
      sanitize(attributes, keys) {
        const out = {};
        for (const name of keys) {
          const value = attributes[name];
          if (value === void 0 || value === null) continue;
          if (!isAttributeValue(value)) {
            this.droppedAttributes++;
            if (!this.warnedSanitize) {
              this.warnedSanitize = true;
              api_1.diag.warn(
                `otelkit: dropped attribute "${name}" of instrument "${this.instrument}": not a string, number, boolean or array of them (warned once per instrument)`,
              );
            }
            continue;
          }
          out[name] =
            typeof value === 'string' && value.length > MAX_STRING
              ? `${value.slice(0, MAX_STRING - 1)}\u2026`
              : value;
        }
        return out;
      }
    };
    exports2.CardinalityGuard = CardinalityGuard;
    function canonicalKey(attributes) {
      const keys = Object.keys(attributes).sort();
      let key = '';
      for (const name of keys) {
        const value = attributes[name];
        if (value === void 0) continue;
        key += `${name}\0${typeof value === 'object' ? JSON.stringify(value) : String(value)}`;
      }
      return key;
    }
    var TrieNode = class _TrieNode {
      name;
      values;
      others;
      end = false;
      /** Per-series state cached for this property order (see `seriesOf`). */
      payload = void 0;
      /** The node for (`name`, `value`) below this one, if any. */
      step(name, value) {
        if (name === this.name) return this.values.get(value);
        return this.others?.get(name)?.get(value);
      }
      /** The node for (`name`, `value`), created when missing. */
      child(name, value) {
        let values;
        if (this.name === void 0) {
          this.name = name;
          this.values = /* @__PURE__ */ new Map();
        }
        if (name === this.name) values = this.values;
        else {
          this.others ??= /* @__PURE__ */ new Map();
          values = this.others.get(name);
          if (values === void 0) {
            values = /* @__PURE__ */ new Map();
            this.others.set(name, values);
          }
        }
        let next = values.get(value);
        if (next === void 0) {
          next = new _TrieNode();
          values.set(value, next);
        }
        return next;
      }
    };
  },
});

// packages/core/dist/meter/values.js
var require_values = __commonJS({
  'packages/core/dist/meter/values.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.invalidMeasurements = void 0;
    exports2.validValue = validValue;
    var api_1 = require('@opentelemetry/api');
    var MAX_INSTRUMENTS = 1e3;
    var OTHER = '_other';
    exports2.invalidMeasurements = /* @__PURE__ */ new Map();
    function validValue(instrument, value, nonNegative) {
      if (typeof value === 'number' && Number.isFinite(value) && (!nonNegative || value >= 0)) return true;
      const seen = exports2.invalidMeasurements.get(instrument);
      if (seen !== void 0) {
        exports2.invalidMeasurements.set(instrument, seen + 1);
        return false;
      }
      if (exports2.invalidMeasurements.size >= MAX_INSTRUMENTS) {
        exports2.invalidMeasurements.set(OTHER, (exports2.invalidMeasurements.get(OTHER) ?? 0) + 1);
        return false;
      }
      exports2.invalidMeasurements.set(instrument, 1);
      api_1.diag.warn(
        `otelkit: dropped measurement ${String(value)} for "${instrument}": expected a finite${nonNegative ? ', non-negative' : ''} number (warned once per instrument; counted in otelkit_metric_invalid_measurements_total)`,
      );
      return false;
    }
  },
});

// packages/core/dist/meter/local-histogram.js
var require_local_histogram = __commonJS({
  'packages/core/dist/meter/local-histogram.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LocalHistogram = exports2.HistogramSeries = exports2.DEFAULT_BOUNDARIES = void 0;
    var api_1 = require('@opentelemetry/api');
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var store_1 = require_store();
    var local_instrument_1 = require_local_instrument();
    var values_1 = require_values();
    exports2.DEFAULT_BOUNDARIES = Object.freeze([
      0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1e3, 2500, 5e3, 7500, 1e4,
    ]);
    var HistogramSeries = class {
      attributes;
      boundaries;
      name;
      counts;
      startTime = (0, local_instrument_1.nowHrTime)();
      count = 0;
      sum = 0;
      min = Number.POSITIVE_INFINITY;
      max = Number.NEGATIVE_INFINITY;
      constructor(attributes, boundaries, name) {
        this.attributes = attributes;
        this.boundaries = boundaries;
        this.name = name;
        this.counts = new Float64Array(boundaries.length + 1);
      }
      /** Adds one value (upper-inclusive buckets, as the SDK's explicit-bucket aggregation). */
      add(value) {
        const b = this.boundaries;
        let i = 0;
        while (i < b.length && value > b[i]) i++;
        this.counts[i]++;
        this.count++;
        this.sum += value;
        if (value < this.min) this.min = value;
        if (value > this.max) this.max = value;
      }
      record(value) {
        if (typeof value === 'number' && value >= 0 && value !== Number.POSITIVE_INFINITY) this.add(value);
        else (0, values_1.validValue)(this.name, value, true);
      }
    };
    exports2.HistogramSeries = HistogramSeries;
    var LocalHistogram = class {
      name;
      description;
      unit;
      boundaries;
      series;
      constructor(name, description, unit, boundaries, guard) {
        this.name = name;
        this.description = description;
        this.unit = unit;
        this.boundaries = boundaries;
        this.series = new local_instrument_1.SeriesSet(
          guard,
          (attributes) => new HistogramSeries(attributes, boundaries, name),
        );
      }
      record(value, attributes, context) {
        if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
          (0, values_1.validValue)(this.name, value, true);
          return;
        }
        const series = this.series.of(attributes);
        series.add(value);
        if (context !== void 0) {
          const span = api_1.trace.getSpanContext(context);
          if (span !== void 0 && (span.traceFlags & 1) === 1)
            store_1.exemplars.offer(this.name, series.attributes, value, span);
        }
      }
      bind(attributes) {
        return this.series.of(attributes);
      }
      /**
       * Histogram data points: cumulative, or deltas since this reader's previous collection when it
       * prefers delta (then without min and max, which cannot be derived for an interval).
       */
      collect(context) {
        if (this.series.all.length === 0) return void 0;
        const delta = context.temporality === sdk_metrics_1.AggregationTemporality.DELTA;
        const boundaries = [...this.boundaries];
        const dataPoints = this.series.all.map((s) => {
          if (!delta) {
            return {
              attributes: s.attributes,
              startTime: s.startTime,
              endTime: context.endTime,
              value: {
                buckets: { boundaries, counts: Array.from(s.counts) },
                sum: s.sum,
                count: s.count,
                ...(s.count > 0 ? { min: s.min, max: s.max } : {}),
              },
            };
          }
          const previous = context.reported.get(s);
          context.reported.set(s, {
            time: context.endTime,
            value: s.sum,
            count: s.count,
            counts: Float64Array.from(s.counts),
          });
          return {
            attributes: s.attributes,
            startTime: previous?.time ?? s.startTime,
            endTime: context.endTime,
            value: {
              buckets: {
                boundaries,
                counts: Array.from(s.counts, (c, i) => c - (previous?.counts?.[i] ?? 0)),
              },
              sum: s.sum - (previous?.value ?? 0),
              count: s.count - (previous?.count ?? 0),
            },
          };
        });
        return {
          descriptor: (0, local_instrument_1.doubleDescriptor)(this.name, this.description, this.unit),
          aggregationTemporality: delta
            ? sdk_metrics_1.AggregationTemporality.DELTA
            : sdk_metrics_1.AggregationTemporality.CUMULATIVE,
          dataPointType: sdk_metrics_1.DataPointType.HISTOGRAM,
          dataPoints,
        };
      }
    };
    exports2.LocalHistogram = LocalHistogram;
  },
});

// packages/core/dist/meter/local-registry.js
var require_local_registry = __commonJS({
  'packages/core/dist/meter/local-registry.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LocalInstrumentRegistry = void 0;
    var LocalInstrumentRegistry = class {
      scopes = /* @__PURE__ */ new Map();
      /** Adds an instrument under its meter's scope. */
      add(scope, instrument) {
        const key = `${scope.name}\0${scope.version ?? ''}\0${scope.schemaUrl ?? ''}`;
        let entry = this.scopes.get(key);
        if (entry === void 0) {
          entry = { scope, instruments: [] };
          this.scopes.set(key, entry);
        }
        entry.instruments.push(instrument);
      }
      /** Every scope with its instruments. */
      entries() {
        return this.scopes.values();
      }
    };
    exports2.LocalInstrumentRegistry = LocalInstrumentRegistry;
  },
});

// packages/core/dist/meter/bound.js
var require_bound = __commonJS({
  'packages/core/dist/meter/bound.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.BoundHistogramImpl =
      exports2.BoundGaugeImpl =
      exports2.BoundUpDownCounterImpl =
      exports2.BoundCounterImpl =
        void 0;
    var values_1 = require_values();
    var BoundCounterImpl = class {
      counter;
      attributes;
      name;
      pending = 0;
      constructor(counter, attributes, name) {
        this.counter = counter;
        this.attributes = attributes;
        this.name = name;
        counter.add(0, attributes);
      }
      add(value = 1) {
        if (typeof value === 'number' && value >= 0 && value !== Number.POSITIVE_INFINITY)
          this.pending += value;
        else (0, values_1.validValue)(this.name, value, true);
      }
      flush() {
        if (this.pending === 0) return;
        const value = this.pending;
        this.pending = 0;
        this.counter.add(value, this.attributes);
      }
    };
    exports2.BoundCounterImpl = BoundCounterImpl;
    var BoundUpDownCounterImpl = class {
      counter;
      attributes;
      name;
      pending = 0;
      constructor(counter, attributes, name) {
        this.counter = counter;
        this.attributes = attributes;
        this.name = name;
        counter.add(0, attributes);
      }
      add(value = 1) {
        if (typeof value === 'number' && value - value === 0) this.pending += value;
        else (0, values_1.validValue)(this.name, value, false);
      }
      flush() {
        if (this.pending === 0) return;
        const value = this.pending;
        this.pending = 0;
        this.counter.add(value, this.attributes);
      }
    };
    exports2.BoundUpDownCounterImpl = BoundUpDownCounterImpl;
    var BoundGaugeImpl = class {
      gauge;
      attributes;
      name;
      value = 0;
      dirty = false;
      constructor(gauge, attributes, name) {
        this.gauge = gauge;
        this.attributes = attributes;
        this.name = name;
      }
      record(value) {
        if (typeof value === 'number' && value - value === 0) {
          this.value = value;
          this.dirty = true;
        } else (0, values_1.validValue)(this.name, value, false);
      }
      flush() {
        if (!this.dirty) return;
        this.dirty = false;
        this.gauge.record(this.value, this.attributes);
      }
    };
    exports2.BoundGaugeImpl = BoundGaugeImpl;
    var BoundHistogramImpl = class {
      histogram;
      attributes;
      name;
      constructor(histogram, attributes, name) {
        this.histogram = histogram;
        this.attributes = attributes;
        this.name = name;
      }
      record(value) {
        if ((0, values_1.validValue)(this.name, value, true)) this.histogram.record(value, this.attributes);
      }
    };
    exports2.BoundHistogramImpl = BoundHistogramImpl;
  },
});

// packages/core/dist/meter/instruments.js
var require_instruments = __commonJS({
  'packages/core/dist/meter/instruments.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.GuardedHistogram =
      exports2.GuardedGauge =
      exports2.GuardedUpDownCounter =
      exports2.GuardedCounter =
        void 0;
    var bound_1 = require_bound();
    var values_1 = require_values();
    function bindAttributes(guard, attributes) {
      return Object.freeze({ ...guard.admit(attributes) });
    }
    var GuardedCounter = class {
      inner;
      guard;
      register;
      constructor(inner, guard, register) {
        this.inner = inner;
        this.guard = guard;
        this.register = register;
      }
      add(value, attributes, context) {
        if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
          (0, values_1.validValue)(this.guard.instrument, value, true);
          return;
        }
        this.inner.add(value, this.guard.admit(attributes), context);
      }
      bind(attributes) {
        const bound = new bound_1.BoundCounterImpl(
          this.inner,
          bindAttributes(this.guard, attributes),
          this.guard.instrument,
        );
        this.register(bound);
        return bound;
      }
    };
    exports2.GuardedCounter = GuardedCounter;
    var GuardedUpDownCounter = class {
      inner;
      guard;
      register;
      constructor(inner, guard, register) {
        this.inner = inner;
        this.guard = guard;
        this.register = register;
      }
      add(value, attributes, context) {
        if (typeof value !== 'number' || value - value !== 0) {
          (0, values_1.validValue)(this.guard.instrument, value, false);
          return;
        }
        this.inner.add(value, this.guard.admit(attributes), context);
      }
      bind(attributes) {
        const bound = new bound_1.BoundUpDownCounterImpl(
          this.inner,
          bindAttributes(this.guard, attributes),
          this.guard.instrument,
        );
        this.register(bound);
        return bound;
      }
    };
    exports2.GuardedUpDownCounter = GuardedUpDownCounter;
    var GuardedGauge = class {
      inner;
      guard;
      register;
      constructor(inner, guard, register) {
        this.inner = inner;
        this.guard = guard;
        this.register = register;
      }
      record(value, attributes, context) {
        if (typeof value !== 'number' || value - value !== 0) {
          (0, values_1.validValue)(this.guard.instrument, value, false);
          return;
        }
        this.inner.record(value, this.guard.admit(attributes), context);
      }
      bind(attributes) {
        const bound = new bound_1.BoundGaugeImpl(
          this.inner,
          bindAttributes(this.guard, attributes),
          this.guard.instrument,
        );
        this.register(bound);
        return bound;
      }
    };
    exports2.GuardedGauge = GuardedGauge;
    var GuardedHistogram = class {
      inner;
      guard;
      constructor(inner, guard) {
        this.inner = inner;
        this.guard = guard;
      }
      record(value, attributes, context) {
        if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY) {
          (0, values_1.validValue)(this.guard.instrument, value, true);
          return;
        }
        this.inner.record(value, this.guard.admit(attributes), context);
      }
      bind(attributes) {
        return new bound_1.BoundHistogramImpl(
          this.inner,
          bindAttributes(this.guard, attributes),
          this.guard.instrument,
        );
      }
    };
    exports2.GuardedHistogram = GuardedHistogram;
  },
});

// packages/core/dist/meter/local-gauge.js
var require_local_gauge = __commonJS({
  'packages/core/dist/meter/local-gauge.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LocalGauge = exports2.GaugeSeries = void 0;
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var local_instrument_1 = require_local_instrument();
    var values_1 = require_values();
    var GaugeSeries = class {
      attributes;
      name;
      value = 0;
      recorded = false;
      constructor(attributes, name) {
        this.attributes = attributes;
        this.name = name;
      }
      record(value) {
        if (typeof value === 'number' && value - value === 0) {
          this.value = value;
          this.recorded = true;
        } else (0, values_1.validValue)(this.name, value, false);
      }
    };
    exports2.GaugeSeries = GaugeSeries;
    var LocalGauge = class {
      name;
      description;
      unit;
      series;
      constructor(name, description, unit, guard) {
        this.name = name;
        this.description = description;
        this.unit = unit;
        this.series = new local_instrument_1.SeriesSet(
          guard,
          (attributes) => new GaugeSeries(attributes, name),
        );
      }
      record(value, attributes) {
        if (typeof value !== 'number' || value - value !== 0) {
          (0, values_1.validValue)(this.name, value, false);
          return;
        }
        this.series.of(attributes).record(value);
      }
      bind(attributes) {
        return this.series.of(attributes);
      }
      collect(context) {
        const recorded = this.series.all.filter((s) => s.recorded);
        if (recorded.length === 0) return void 0;
        return {
          descriptor: (0, local_instrument_1.doubleDescriptor)(this.name, this.description, this.unit),
          aggregationTemporality: sdk_metrics_1.AggregationTemporality.CUMULATIVE,
          dataPointType: sdk_metrics_1.DataPointType.GAUGE,
          dataPoints: recorded.map((s) => ({
            attributes: s.attributes,
            startTime: context.endTime,
            endTime: context.endTime,
            value: s.value,
          })),
        };
      }
    };
    exports2.LocalGauge = LocalGauge;
  },
});

// packages/core/dist/meter/local-sum.js
var require_local_sum = __commonJS({
  'packages/core/dist/meter/local-sum.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LocalSum = exports2.SumSeries = void 0;
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var local_instrument_1 = require_local_instrument();
    var values_1 = require_values();
    var SumSeries = class {
      attributes;
      name;
      monotonic;
      value = 0;
      startTime = (0, local_instrument_1.nowHrTime)();
      constructor(attributes, name, monotonic) {
        this.attributes = attributes;
        this.name = name;
        this.monotonic = monotonic;
      }
      add(value = 1) {
        if (typeof value === 'number' && value - value === 0 && (!this.monotonic || value >= 0))
          this.value += value;
        else (0, values_1.validValue)(this.name, value, this.monotonic);
      }
    };
    exports2.SumSeries = SumSeries;
    var LocalSum = class {
      name;
      description;
      unit;
      monotonic;
      series;
      constructor(name, description, unit, monotonic, guard) {
        this.name = name;
        this.description = description;
        this.unit = unit;
        this.monotonic = monotonic;
        this.series = new local_instrument_1.SeriesSet(
          guard,
          (attributes) => new SumSeries(attributes, name, monotonic),
        );
      }
      add(value, attributes) {
        if (typeof value !== 'number' || value - value !== 0 || (this.monotonic && value < 0)) {
          (0, values_1.validValue)(this.name, value, this.monotonic);
          return;
        }
        this.series.of(attributes).value += value;
      }
      bind(attributes) {
        return this.series.of(attributes);
      }
      collect(context) {
        if (this.series.all.length === 0) return void 0;
        const delta = this.monotonic && context.temporality === sdk_metrics_1.AggregationTemporality.DELTA;
        return {
          descriptor: (0, local_instrument_1.doubleDescriptor)(this.name, this.description, this.unit),
          aggregationTemporality: delta
            ? sdk_metrics_1.AggregationTemporality.DELTA
            : sdk_metrics_1.AggregationTemporality.CUMULATIVE,
          dataPointType: sdk_metrics_1.DataPointType.SUM,
          isMonotonic: this.monotonic,
          dataPoints: this.series.all.map((series) => {
            if (!delta) {
              return {
                attributes: series.attributes,
                startTime: series.startTime,
                endTime: context.endTime,
                value: series.value,
              };
            }
            const previous = context.reported.get(series);
            context.reported.set(series, { time: context.endTime, value: series.value });
            return {
              attributes: series.attributes,
              startTime: previous?.time ?? series.startTime,
              endTime: context.endTime,
              value: series.value - (previous?.value ?? 0),
            };
          }),
        };
      }
    };
    exports2.LocalSum = LocalSum;
  },
});

// packages/core/dist/meter/meter.js
var require_meter = __commonJS({
  'packages/core/dist/meter/meter.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.GuardedMeter = void 0;
    var buckets_1 = require_buckets();
    var guard_1 = require_guard();
    var instruments_1 = require_instruments();
    var local_gauge_1 = require_local_gauge();
    var local_histogram_1 = require_local_histogram();
    var local_sum_1 = require_local_sum();
    function boundariesFor(options) {
      const advised = options?.advice?.explicitBucketBoundaries;
      if (advised !== void 0) return [...advised].sort((a, b) => a - b);
      return options?.unit === 's' ? buckets_1.SECONDS_BUCKETS : local_histogram_1.DEFAULT_BOUNDARIES;
    }
    function withSecondsBuckets(options) {
      if (options?.unit !== 's' || options.advice?.explicitBucketBoundaries !== void 0) return options;
      return {
        ...options,
        advice: { ...options.advice, explicitBucketBoundaries: [...buckets_1.SECONDS_BUCKETS] },
      };
    }
    var GuardedMeter = class {
      inner;
      guards;
      scope;
      instruments = /* @__PURE__ */ new Map();
      flushables = [];
      flushHooked = false;
      constructor(inner, guards, scope = { name: 'unknown' }) {
        this.inner = inner;
        this.guards = guards;
        this.scope = scope;
      }
      cached(kind, name, make) {
        const key = `${kind}\0${name}`;
        const existing = this.instruments.get(key);
        if (existing !== void 0) return existing;
        const guard = new guard_1.CardinalityGuard(name, this.guards.limit);
        this.guards.add(guard);
        const made = make(guard);
        this.instruments.set(key, made);
        return made;
      }
      register = (bound) => {
        this.flushables.push(bound);
        if (this.flushHooked) return;
        this.flushHooked = true;
        const gauge = this.inner.createObservableGauge('otelkit.bound_series', {
          description:
            'Bound instrument series of this meter, flushed into their instruments at each collection.',
        });
        this.inner.addBatchObservableCallback(
          (result) => {
            const list = this.flushables;
            for (let i = 0; i < list.length; i++) list[i].flush();
            result.observe(gauge, list.length);
          },
          [gauge],
        );
      };
      /** Registers a new in-process instrument under this meter's scope. */
      local(instrument) {
        this.guards.local?.add(this.scope, instrument);
        return instrument;
      }
      createCounter(name, options) {
        return this.cached('counter', name, (g) =>
          this.guards.local === void 0
            ? new instruments_1.GuardedCounter(this.inner.createCounter(name, options), g, this.register)
            : this.local(
                new local_sum_1.LocalSum(name, options?.description ?? '', options?.unit ?? '', true, g),
              ),
        );
      }
      createUpDownCounter(name, options) {
        return this.cached('updown', name, (g) =>
          this.guards.local === void 0
            ? new instruments_1.GuardedUpDownCounter(
                this.inner.createUpDownCounter(name, options),
                g,
                this.register,
              )
            : this.local(
                new local_sum_1.LocalSum(name, options?.description ?? '', options?.unit ?? '', false, g),
              ),
        );
      }
      createGauge(name, options) {
        return this.cached('gauge', name, (g) =>
          this.guards.local === void 0
            ? new instruments_1.GuardedGauge(this.inner.createGauge(name, options), g, this.register)
            : this.local(
                new local_gauge_1.LocalGauge(name, options?.description ?? '', options?.unit ?? '', g),
              ),
        );
      }
      createHistogram(name, options) {
        return this.cached('histogram', name, (g) =>
          this.guards.local === void 0
            ? new instruments_1.GuardedHistogram(
                this.inner.createHistogram(name, withSecondsBuckets(options)),
                g,
              )
            : this.local(
                new local_histogram_1.LocalHistogram(
                  name,
                  options?.description ?? '',
                  options?.unit ?? '',
                  boundariesFor(options),
                  g,
                ),
              ),
        );
      }
      createObservableGauge(name, options) {
        return this.inner.createObservableGauge(name, options);
      }
      createObservableCounter(name, options) {
        return this.inner.createObservableCounter(name, options);
      }
      createObservableUpDownCounter(name, options) {
        return this.inner.createObservableUpDownCounter(name, options);
      }
      addBatchObservableCallback(callback, observables) {
        this.inner.addBatchObservableCallback(callback, observables);
      }
      removeBatchObservableCallback(callback, observables) {
        this.inner.removeBatchObservableCallback(callback, observables);
      }
    };
    exports2.GuardedMeter = GuardedMeter;
  },
});

// packages/core/dist/meter/provider.js
var require_provider = __commonJS({
  'packages/core/dist/meter/provider.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.GuardedMeterProvider = void 0;
    var meter_1 = require_meter();
    var GuardedMeterProvider = class {
      inner;
      limit;
      local;
      meters = /* @__PURE__ */ new Map();
      guardList = [];
      /**
       * @param inner the SDK provider doing the real work
       * @param limit attribute sets per instrument before the overflow series
       * @param local when given, synchronous instruments aggregate in process and are exported by the
       *   readers' `LocalMetricProducer`s; without it they record through the SDK
       */
      constructor(inner, limit, local) {
        this.inner = inner;
        this.limit = limit;
        this.local = local;
      }
      /** @internal */
      add(guard) {
        this.guardList.push(guard);
      }
      /** Guards of every instrument created so far (for self-metrics). */
      guards() {
        return this.guardList;
      }
      getMeter(name, version, options) {
        const key = `${name}\0${version ?? ''}\0${options?.schemaUrl ?? ''}`;
        let meter = this.meters.get(key);
        if (meter === void 0) {
          meter = new meter_1.GuardedMeter(this.inner.getMeter(name, version, options), this, {
            name,
            version,
            schemaUrl: options?.schemaUrl,
          });
          this.meters.set(key, meter);
        }
        return meter;
      }
    };
    exports2.GuardedMeterProvider = GuardedMeterProvider;
  },
});

// packages/core/dist/meter/wrap.js
var require_wrap = __commonJS({
  'packages/core/dist/meter/wrap.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.asOtelkitMeter = asOtelkitMeter;
    var meter_1 = require_meter();
    var DEFAULT_LIMIT = 2e3;
    function asOtelkitMeter(meter) {
      if (meter instanceof meter_1.GuardedMeter) return meter;
      return new meter_1.GuardedMeter(meter, {
        limit: DEFAULT_LIMIT,
        add(_guard) {},
      });
    }
  },
});

// packages/core/dist/monitor/error-type.js
var require_error_type = __commonJS({
  'packages/core/dist/monitor/error-type.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.errorType = errorType;
    var MAX = 64;
    function errorType(error) {
      if (error !== null && typeof error === 'object') {
        const code = error.code;
        if (typeof code === 'string' && code !== '') return clip(code);
        const name = error.name;
        if (typeof name === 'string' && name !== '') return clip(name);
        const ctor = error.constructor?.name;
        if (typeof ctor === 'string' && ctor !== '' && ctor !== 'Object') return clip(ctor);
      }
      return '_OTHER';
    }
    function clip(text) {
      return text.length > MAX ? text.slice(0, MAX) : text;
    }
  },
});

// packages/core/dist/monitor/bound-cache.js
var require_bound_cache = __commonJS({
  'packages/core/dist/monitor/bound-cache.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.BoundCache = void 0;
    var BoundCache = class {
      max;
      map = /* @__PURE__ */ new Map();
      constructor(max) {
        this.max = max;
      }
      /** Returns the cached value for `key`, creating it with `make` while there is room. */
      get(key, make) {
        const found = this.map.get(key);
        if (found !== void 0) return found;
        if (this.map.size >= this.max) return void 0;
        const made = make();
        this.map.set(key, made);
        return made;
      }
    };
    exports2.BoundCache = BoundCache;
  },
});

// packages/core/dist/monitor/instruments.js
var require_instruments2 = __commonJS({
  'packages/core/dist/monitor/instruments.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createMonitorInstruments = createMonitorInstruments;
    function createMonitorInstruments(meter, ns) {
      return {
        operations: meter.createCounter(`${ns}.operations`, {
          description: 'Operations finished, by operation and status (success or failure).',
        }),
        duration: meter.createHistogram(`${ns}.operation.duration`, {
          description: 'Duration of operations, by operation and status.',
          unit: 's',
        }),
        active: meter.createUpDownCounter(`${ns}.operations.active`, {
          description: 'Operations in flight, by operation.',
        }),
        errors: meter.createCounter(`${ns}.errors`, {
          description: 'Errors, by operation and error type.',
        }),
        items: meter.createCounter(`${ns}.items`, {
          description:
            'Items processed, by operation, item type and action (created, updated, deleted, ...).',
        }),
        queueDepth: meter.createGauge(`${ns}.queue.depth`, {
          description: 'Items waiting in a queue, by queue.',
        }),
        lastSuccess: meter.createGauge(`${ns}.last_success.timestamp`, {
          description: 'Unix time of the last successful operation, by operation.',
          unit: 's',
        }),
      };
    }
  },
});

// packages/core/dist/monitor/recorder.js
var require_recorder = __commonJS({
  'packages/core/dist/monitor/recorder.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.UnboundRecorder = exports2.BoundRecorder = void 0;
    var api_1 = require('@opentelemetry/api');
    var store_1 = require_store();
    var BoundRecorder = class {
      instruments;
      attributes;
      durationName;
      active;
      successes;
      failures;
      successDuration;
      failureDuration;
      lastSuccess;
      errors = /* @__PURE__ */ new Map();
      success;
      failure;
      constructor(instruments, attributes, durationName) {
        this.instruments = instruments;
        this.attributes = attributes;
        this.durationName = durationName;
        const success = { ...attributes, status: 'success' };
        const failure = { ...attributes, status: 'failure' };
        this.success = success;
        this.failure = failure;
        this.active = instruments.active.bind(attributes);
        this.successes = instruments.operations.bind(success);
        this.failures = instruments.operations.bind(failure);
        this.successDuration = instruments.duration.bind(success);
        this.failureDuration = instruments.duration.bind(failure);
        this.lastSuccess = instruments.lastSuccess.bind(attributes);
      }
      start() {
        this.active.add(1);
      }
      succeed(seconds, context) {
        this.active.add(-1);
        this.successes.add(1);
        this.successDuration.record(seconds);
        if (context !== void 0) offerExemplar(this.durationName, this.success, seconds, context);
        this.lastSuccess.record(Date.now() / 1e3);
      }
      fail(seconds, errorType, context) {
        this.active.add(-1);
        this.failures.add(1);
        this.failureDuration.record(seconds);
        if (context !== void 0) offerExemplar(this.durationName, this.failure, seconds, context);
        let errors = this.errors.get(errorType);
        if (errors === void 0) {
          if (this.errors.size >= 100) {
            this.instruments.errors.add(1, { ...this.attributes, 'error.type': errorType });
            return;
          }
          errors = this.instruments.errors.bind({ ...this.attributes, 'error.type': errorType });
          this.errors.set(errorType, errors);
        }
        errors.add(1);
      }
    };
    exports2.BoundRecorder = BoundRecorder;
    function offerExemplar(instrument, attributes, seconds, context) {
      const span = api_1.trace.getSpanContext(context);
      if (span !== void 0 && (span.traceFlags & 1) === 1)
        store_1.exemplars.offer(instrument, attributes, seconds, span);
    }
    var UnboundRecorder = class {
      instruments;
      attributes;
      constructor(instruments, attributes) {
        this.instruments = instruments;
        this.attributes = attributes;
      }
      start() {
        this.instruments.active.add(1, this.attributes);
      }
      succeed(seconds, context) {
        const attributes = { ...this.attributes, status: 'success' };
        this.instruments.active.add(-1, this.attributes);
        this.instruments.operations.add(1, attributes);
        this.instruments.duration.record(seconds, attributes, context);
        this.instruments.lastSuccess.record(Date.now() / 1e3, this.attributes);
      }
      fail(seconds, errorType, context) {
        const attributes = { ...this.attributes, status: 'failure' };
        this.instruments.active.add(-1, this.attributes);
        this.instruments.operations.add(1, attributes);
        this.instruments.duration.record(seconds, attributes, context);
        this.instruments.errors.add(1, { ...this.attributes, 'error.type': errorType });
      }
    };
    exports2.UnboundRecorder = UnboundRecorder;
  },
});

// packages/core/dist/monitor/monitor.js
var require_monitor = __commonJS({
  'packages/core/dist/monitor/monitor.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createOperationMonitor = createOperationMonitor;
    var api_1 = require('@opentelemetry/api');
    var errors_1 = require_errors();
    var wrap_1 = require_wrap();
    var bound_cache_1 = require_bound_cache();
    var error_type_1 = require_error_type();
    var instruments_1 = require_instruments2();
    var recorder_1 = require_recorder();
    var NAMESPACE = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
    var CACHE_SIZE = 1e3;
    function isThenable(value) {
      return value !== null && typeof value === 'object' && typeof value.then === 'function';
    }
    function cacheKey(operation, attributes) {
      if (attributes === void 0) return operation;
      const keys = Object.keys(attributes);
      if (keys.length === 0) return operation;
      keys.sort();
      let key = operation;
      for (const k of keys) key += `\0${k}${String(attributes[k])}`;
      return key;
    }
    var Monitor = class {
      namespace;
      meter;
      instruments;
      recorders = new bound_cache_1.BoundCache(CACHE_SIZE);
      items = new bound_cache_1.BoundCache(CACHE_SIZE);
      queues = new bound_cache_1.BoundCache(CACHE_SIZE);
      errorCounters = new bound_cache_1.BoundCache(CACHE_SIZE);
      tracer;
      constructor(namespace, meter, tracer) {
        this.namespace = namespace;
        this.meter = meter;
        this.instruments = (0, instruments_1.createMonitorInstruments)(meter, namespace);
        this.tracer = tracer;
      }
      recorder(operation, attributes) {
        const all = attributes === void 0 ? { operation } : { ...attributes, operation };
        const durationName = `${this.namespace}.operation.duration`;
        const cached = this.recorders.get(
          cacheKey(operation, attributes),
          () => new recorder_1.BoundRecorder(this.instruments, all, durationName),
        );
        return cached ?? new recorder_1.UnboundRecorder(this.instruments, all);
      }
      track(operation, attributesOrFn, maybeFn) {
        const fn = typeof attributesOrFn === 'function' ? attributesOrFn : maybeFn;
        const attributes = typeof attributesOrFn === 'function' ? void 0 : attributesOrFn;
        if (typeof fn !== 'function') {
          throw new TypeError(`otelkit: monitor.track("${operation}") needs a function to run`);
        }
        const recorder = this.recorder(operation, attributes);
        const span = this.tracer?.startSpan(operation, {
          attributes: { ...attributes, 'otelkit.operation': operation },
        });
        const ctx = span?.isRecording() ? api_1.trace.setSpan(api_1.context.active(), span) : void 0;
        const started = performance.now();
        recorder.start();
        const fail = (error) => {
          const type = (0, error_type_1.errorType)(error);
          recorder.fail((performance.now() - started) / 1e3, type, ctx);
          if (span !== void 0) {
            if (error instanceof Error) span.recordException(error);
            span.setAttribute('error.type', type);
            span.setStatus({
              code: api_1.SpanStatusCode.ERROR,
              message: error instanceof Error ? error.message : String(error),
            });
            span.end();
          }
        };
        const succeed = () => {
          recorder.succeed((performance.now() - started) / 1e3, ctx);
          span?.end();
        };
        let result;
        try {
          result = ctx === void 0 ? fn() : api_1.context.with(ctx, fn);
        } catch (error) {
          fail(error);
          throw error;
        }
        if (isThenable(result)) {
          return result.then(
            (value) => {
              succeed();
              return value;
            },
            (error) => {
              fail(error);
              throw error;
            },
          );
        }
        succeed();
        return result;
      }
      begin(operation, attributes) {
        const recorder = this.recorder(operation, attributes);
        const started = performance.now();
        let done = false;
        recorder.start();
        return {
          succeed: () => {
            if (done) return;
            done = true;
            recorder.succeed((performance.now() - started) / 1e3, void 0);
          },
          fail: (error) => {
            if (done) return;
            done = true;
            recorder.fail((performance.now() - started) / 1e3, (0, error_type_1.errorType)(error), void 0);
          },
        };
      }
      recordItems(operation, itemType, action, count = 1, extra) {
        const attributes = { ...extra, operation, 'item.type': itemType, 'item.action': action };
        const bound = this.items.get(cacheKey(`${operation}\0${itemType}\0${action}`, extra), () =>
          this.instruments.items.bind(attributes),
        );
        if (bound === void 0) this.instruments.items.add(count, attributes);
        else bound.add(count);
      }
      setQueueDepth(queue, depth) {
        const bound = this.queues.get(queue, () => this.instruments.queueDepth.bind({ queue }));
        if (bound === void 0) this.instruments.queueDepth.record(depth, { queue });
        else bound.record(depth);
      }
      recordError(operation, type, extra) {
        const attributes = { ...extra, operation, 'error.type': type };
        const bound = this.errorCounters.get(cacheKey(`${operation}\0${type}`, extra), () =>
          this.instruments.errors.bind(attributes),
        );
        if (bound === void 0) this.instruments.errors.add(1, attributes);
        else bound.add(1);
      }
      counter(name, options) {
        return this.meter.createCounter(`${this.namespace}.${name}`, options);
      }
      upDownCounter(name, options) {
        return this.meter.createUpDownCounter(`${this.namespace}.${name}`, options);
      }
      gauge(name, options) {
        return this.meter.createGauge(`${this.namespace}.${name}`, options);
      }
      histogram(name, options) {
        return this.meter.createHistogram(`${this.namespace}.${name}`, options);
      }
    };
    function createOperationMonitor(options) {
      const ns = options?.namespace;
      if (typeof ns !== 'string' || !NAMESPACE.test(ns)) {
        throw new errors_1.OtelkitError(
          'OTELKIT_ERR_INVALID_NAMESPACE',
          `OTELKIT_ERR_INVALID_NAMESPACE: namespace=${JSON.stringify(ns)} is invalid: expected a letter then letters, digits or _ (at most 64)`,
        );
      }
      const meter = (0, wrap_1.asOtelkitMeter)(options.meter ?? api_1.metrics.getMeter('@otelkit/core'));
      const tracer =
        options.spans === false ? void 0 : (options.tracer ?? api_1.trace.getTracer('@otelkit/core'));
      api_1.diag.debug(`otelkit: operation monitor "${ns}" created`);
      return new Monitor(ns, meter, tracer);
    }
  },
});

// packages/core/dist/prometheus/content-type.js
var require_content_type = __commonJS({
  'packages/core/dist/prometheus/content-type.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.OPENMETRICS_CONTENT_TYPE = exports2.PROMETHEUS_CONTENT_TYPE = void 0;
    exports2.negotiateFormat = negotiateFormat;
    exports2.contentTypeFor = contentTypeFor;
    exports2.PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
    exports2.OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
    function negotiateFormat(accept) {
      if (accept === void 0 || accept.indexOf('openmetrics') === -1) return 'prometheus';
      let openMetricsQuality = 0;
      let textQuality = 0;
      for (const range of accept.split(',')) {
        const parts = range.split(';');
        const type = parts[0].trim().toLowerCase();
        let quality = 1;
        let supportedVersion = true;
        for (let i = 1; i < parts.length; i++) {
          const param = parts[i].trim().toLowerCase();
          if (param.startsWith('q=')) quality = Number(param.slice(2)) || 0;
          else if (param.startsWith('version=')) {
            supportedVersion = param === 'version=0.0.1' || param.startsWith('version=1.');
          }
        }
        if (type === 'application/openmetrics-text') {
          if (supportedVersion && quality > openMetricsQuality) openMetricsQuality = quality;
        } else if (type === 'text/plain' && quality > textQuality) {
          textQuality = quality;
        }
      }
      return openMetricsQuality > 0 && openMetricsQuality >= textQuality ? 'openmetrics' : 'prometheus';
    }
    function contentTypeFor(format) {
      return format === 'openmetrics' ? exports2.OPENMETRICS_CONTENT_TYPE : exports2.PROMETHEUS_CONTENT_TYPE;
    }
  },
});

// packages/core/dist/reload/file.js
var require_file = __commonJS({
  'packages/core/dist/reload/file.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.readSettingsFile = readSettingsFile;
    var node_fs_1 = require('node:fs');
    var node_path_1 = require('node:path');
    function readSettingsFile(path) {
      let text;
      try {
        text = (0, node_fs_1.readFileSync)(path, 'utf8');
      } catch (error) {
        throw new Error(`cannot read ${path}: ${error.code ?? String(error)}`);
      }
      let value;
      try {
        value =
          (0, node_path_1.extname)(path).toLowerCase() === '.json'
            ? JSON.parse(text)
            : require('yaml').parse(text);
      } catch (error) {
        throw new Error(
          `${path} is not valid ${(0, node_path_1.extname)(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${error.message.split('\n')[0]}`,
        );
      }
      if (value === null || value === void 0) return {};
      if (typeof value !== 'object' || Array.isArray(value))
        throw new Error(`${path} must hold an object of settings`);
      return value;
    }
  },
});

// packages/core/dist/reload/reloader.js
var require_reloader = __commonJS({
  'packages/core/dist/reload/reloader.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.Reloader = void 0;
    exports2.logReload = logReload;
    var node_fs_1 = require('node:fs');
    var api_1 = require('@opentelemetry/api');
    var RESTART_ONLY = /* @__PURE__ */ new Set([
      'host',
      'port',
      'server',
      'tls',
      'auth',
      'metricsExporters',
      'otlp',
      'exporters',
      'serviceName',
      'runtimeMetrics',
      'cardinalityLimit',
    ]);
    var KNOWN_SECTIONS = /* @__PURE__ */ new Set(['logLevel', 'tracing', 'health', 'breakers']);
    var Reloader = class {
      path;
      read;
      onResult;
      current;
      targets = /* @__PURE__ */ new Map();
      lastText = '';
      watching = false;
      onSignal = () => void this.reload('SIGHUP');
      /**
       * @param current the running value of a restart-only setting, to report only real changes
       */
      constructor(path, read, onResult, current = () => void 0) {
        this.path = path;
        this.read = read;
        this.onResult = onResult;
        this.current = current;
      }
      /** Registers a part of the configuration that the file may change. */
      add(target) {
        this.targets.set(target.section, target);
      }
      /** Reads the file now and applies it if it is valid. */
      reload(trigger = 'call') {
        let result;
        try {
          const document = this.read();
          const text = JSON.stringify(document);
          if (text === this.lastText) {
            result = { outcome: 'unchanged', detail: 'no change', restartRequired: [] };
          } else {
            const restartRequired = Object.keys(document).filter(
              (k) => RESTART_ONLY.has(k) && JSON.stringify(document[k]) !== JSON.stringify(this.current(k)),
            );
            const unknown = Object.keys(document).filter(
              (k) => !RESTART_ONLY.has(k) && !this.targets.has(k) && !KNOWN_SECTIONS.has(k),
            );
            if (unknown.length > 0)
              throw new Error(`unknown setting ${unknown.map((k) => `"${k}"`).join(', ')} in ${this.path}`);
            const appliers = [];
            for (const [section, value] of Object.entries(document)) {
              const target = this.targets.get(section);
              if (target !== void 0) appliers.push(target.check(value));
            }
            for (const apply of appliers) apply();
            this.lastText = text;
            const sections = Object.keys(document).filter((k) => this.targets.has(k));
            result = {
              outcome: 'applied',
              detail: sections.join(', ') || '(nothing to apply)',
              restartRequired,
            };
          }
        } catch (error) {
          result = { outcome: 'rejected', detail: error.message, restartRequired: [] };
        }
        this.onResult(result, trigger);
        return result;
      }
      /** Starts watching: SIGHUP and file changes (polled every `intervalMs`). */
      watch(intervalMs = 2e3) {
        if (this.watching) return;
        this.watching = true;
        process.on('SIGHUP', this.onSignal);
        (0, node_fs_1.watchFile)(
          this.path,
          { interval: intervalMs, persistent: false },
          () => void this.reload('file change'),
        );
      }
      /** Stops watching. */
      stop() {
        if (!this.watching) return;
        this.watching = false;
        process.off('SIGHUP', this.onSignal);
        (0, node_fs_1.unwatchFile)(this.path);
      }
    };
    exports2.Reloader = Reloader;
    function logReload(path, result, trigger) {
      if (result.outcome === 'applied')
        api_1.diag.info(`otelkit: reloaded ${path} (${trigger}): ${result.detail}`);
      if (result.outcome === 'rejected') {
        api_1.diag.error(
          `otelkit: ${path} not applied (${trigger}), the previous settings stay in force: ${result.detail}`,
        );
      }
      if (result.restartRequired.length > 0) {
        api_1.diag.warn(
          `otelkit: ${result.restartRequired.join(', ')} in ${path} take effect only after a restart`,
        );
      }
    }
  },
});

// packages/core/dist/version.js
var require_version = __commonJS({
  'packages/core/dist/version.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.VERSION = void 0;
    exports2.VERSION = '0.1.0';
  },
});

// packages/core/dist/resource.js
var require_resource = __commonJS({
  'packages/core/dist/resource.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.buildResource = buildResource;
    var node_crypto_1 = require('node:crypto');
    var node_os_1 = require('node:os');
    var node_path_1 = require('node:path');
    var resources_1 = require('@opentelemetry/resources');
    var version_1 = require_version();
    var INSTANCE_ID = (0, node_crypto_1.randomUUID)();
    function processAttributes() {
      return {
        'host.name': (0, node_os_1.hostname)(),
        'host.arch': (0, node_os_1.arch)(),
        'process.pid': process.pid,
        'process.executable.name': (0, node_path_1.basename)(process.execPath),
        'process.runtime.name': 'nodejs',
        'process.runtime.version': process.versions.node,
        'process.runtime.description': 'Node.js',
      };
    }
    function buildResource(config) {
      const service = {
        'service.name': config.serviceName,
        'service.instance.id': INSTANCE_ID,
        'telemetry.distro.name': 'otelkit',
        'telemetry.distro.version': version_1.VERSION,
      };
      if (config.serviceVersion !== void 0) service['service.version'] = config.serviceVersion;
      if (config.environment !== void 0) service['deployment.environment.name'] = config.environment;
      const explicit = config.resourceAttributes['service.instance.id'];
      if (typeof explicit === 'string' && explicit !== '') service['service.instance.id'] = explicit;
      return (0, resources_1.defaultResource)()
        .merge((0, resources_1.resourceFromAttributes)(processAttributes()))
        .merge((0, resources_1.resourceFromAttributes)(config.resourceAttributes))
        .merge((0, resources_1.resourceFromAttributes)(service));
    }
  },
});

// packages/core/dist/runtime/names.js
var require_names = __commonJS({
  'packages/core/dist/runtime/names.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES = exports2.RUNTIME_PROMETHEUS_NAMES = void 0;
    exports2.RUNTIME_PROMETHEUS_NAMES = {
      otel: [
        'nodejs_eventloop_delay_min_seconds',
        'nodejs_eventloop_delay_max_seconds',
        'nodejs_eventloop_delay_mean_seconds',
        'nodejs_eventloop_delay_stddev_seconds',
        'nodejs_eventloop_delay_p50_seconds',
        'nodejs_eventloop_delay_p90_seconds',
        'nodejs_eventloop_delay_p99_seconds',
        'nodejs_eventloop_utilization_ratio',
        'nodejs_eventloop_time_seconds_total',
        'v8js_memory_heap_used_bytes',
        'v8js_memory_heap_space_size_bytes',
        'v8js_memory_heap_space_available_size_bytes',
        'v8js_memory_heap_space_physical_size_bytes',
        'v8js_gc_duration_seconds',
        'v8js_resource_active',
        'nodejs_memory_heap_limit_bytes',
        'nodejs_memory_external_bytes',
        'nodejs_version_info',
        'process_cpu_time_seconds_total',
        'process_memory_usage_bytes',
        'process_uptime_seconds',
        'process_start_time_seconds',
        'process_unix_file_descriptor_open',
        'process_unix_file_descriptor_limit',
      ],
      'prom-client': [
        'process_cpu_user_seconds_total',
        'process_cpu_system_seconds_total',
        'process_cpu_seconds_total',
        'process_start_time_seconds',
        'process_resident_memory_bytes',
        'process_virtual_memory_bytes',
        'process_heap_bytes',
        'process_open_fds',
        'process_max_fds',
        'nodejs_eventloop_lag_seconds',
        'nodejs_eventloop_lag_min_seconds',
        'nodejs_eventloop_lag_max_seconds',
        'nodejs_eventloop_lag_mean_seconds',
        'nodejs_eventloop_lag_stddev_seconds',
        'nodejs_eventloop_lag_p50_seconds',
        'nodejs_eventloop_lag_p90_seconds',
        'nodejs_eventloop_lag_p99_seconds',
        'nodejs_active_resources',
        'nodejs_active_resources_total',
        'nodejs_active_handles',
        'nodejs_active_handles_total',
        'nodejs_active_requests',
        'nodejs_active_requests_total',
        'nodejs_heap_size_total_bytes',
        'nodejs_heap_size_used_bytes',
        'nodejs_external_memory_bytes',
        'nodejs_heap_space_size_total_bytes',
        'nodejs_heap_space_size_used_bytes',
        'nodejs_heap_space_size_available_bytes',
        'nodejs_version_info',
        'nodejs_gc_duration_seconds',
      ],
    };
    exports2.RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES = [
      'process_unix_file_descriptor_open',
      'process_unix_file_descriptor_limit',
      'process_virtual_memory_bytes',
      'process_heap_bytes',
      'process_open_fds',
      'process_max_fds',
    ];
  },
});

// packages/core/dist/runtime/options.js
var require_options = __commonJS({
  'packages/core/dist/runtime/options.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.INVALID_RUNTIME_METRICS_OPTION =
      exports2.RUNTIME_METRICS_DEFAULTS =
      exports2.PROM_CLIENT_GC_DURATION_BUCKETS =
      exports2.OTEL_GC_DURATION_BUCKETS =
        void 0;
    exports2.resolveRuntimeMetricsOptions = resolveRuntimeMetricsOptions;
    var errors_1 = require_errors();
    exports2.OTEL_GC_DURATION_BUCKETS = [1e-4, 5e-4, 1e-3, 5e-3, 0.01, 0.05, 0.1, 0.5, 1];
    exports2.PROM_CLIENT_GC_DURATION_BUCKETS = [1e-3, 0.01, 0.1, 1, 2, 5];
    exports2.RUNTIME_METRICS_DEFAULTS = {
      naming: 'otel',
      eventLoopResolutionMs: 10,
    };
    exports2.INVALID_RUNTIME_METRICS_OPTION = 'OTELKIT_ERR_INVALID_RUNTIME_METRICS_OPTION';
    function invalid(setting, value, expected) {
      const shown = JSON.stringify(value) ?? String(value);
      throw new errors_1.OtelkitError(
        exports2.INVALID_RUNTIME_METRICS_OPTION,
        `${exports2.INVALID_RUNTIME_METRICS_OPTION}: runtime metrics option ${setting}=${shown} is invalid: expected ${expected}`,
      );
    }
    function resolveRuntimeMetricsOptions(options = {}) {
      const merged = { ...exports2.RUNTIME_METRICS_DEFAULTS, ...options };
      const { naming, eventLoopResolutionMs } = merged;
      if (naming !== 'otel' && naming !== 'prom-client') invalid('naming', naming, "'otel' or 'prom-client'");
      if (
        !Number.isInteger(eventLoopResolutionMs) ||
        eventLoopResolutionMs < 1 ||
        eventLoopResolutionMs > 6e4
      ) {
        invalid('eventLoopResolutionMs', eventLoopResolutionMs, 'an integer from 1 to 60000');
      }
      const buckets =
        merged.gcDurationBuckets ??
        (naming === 'otel' ? exports2.OTEL_GC_DURATION_BUCKETS : exports2.PROM_CLIENT_GC_DURATION_BUCKETS);
      const increasing =
        Array.isArray(buckets) &&
        buckets.length > 0 &&
        buckets.every(
          (b, i) => typeof b === 'number' && Number.isFinite(b) && (i === 0 || b > buckets[i - 1]),
        );
      if (!increasing) {
        invalid(
          'gcDurationBuckets',
          buckets,
          'a non-empty array of finite, strictly increasing numbers (seconds)',
        );
      }
      return { naming, eventLoopResolutionMs, gcDurationBuckets: [...buckets] };
    }
  },
});

// packages/core/dist/runtime/event-loop.js
var require_event_loop = __commonJS({
  'packages/core/dist/runtime/event-loop.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.EventLoopMonitor = void 0;
    var node_perf_hooks_1 = require('node:perf_hooks');
    var NS_PER_S = 1e9;
    var EventLoopMonitor = class {
      histogram;
      lastUtilization;
      lagSeconds;
      lagProbe;
      constructor(resolutionMs) {
        this.histogram = (0, node_perf_hooks_1.monitorEventLoopDelay)({ resolution: resolutionMs });
        this.histogram.enable();
        this.lastUtilization = node_perf_hooks_1.performance.eventLoopUtilization();
      }
      /** Statistics since the previous call, then resets; `undefined` when no tick was sampled. */
      takeDelay() {
        const h = this.histogram;
        if (h.count === 0) return void 0;
        const stats = {
          min: h.min / NS_PER_S,
          max: h.max / NS_PER_S,
          mean: h.mean / NS_PER_S,
          stddev: h.stddev / NS_PER_S,
          p50: h.percentile(50) / NS_PER_S,
          p90: h.percentile(90) / NS_PER_S,
          p99: h.percentile(99) / NS_PER_S,
        };
        h.reset();
        return stats;
      }
      /** Utilization since the previous call and the cumulative active/idle times. */
      takeUsage() {
        const now = node_perf_hooks_1.performance.eventLoopUtilization();
        const window = node_perf_hooks_1.performance.eventLoopUtilization(now, this.lastUtilization);
        this.lastUtilization = now;
        return {
          utilization: window.utilization,
          activeSeconds: now.active / 1e3,
          idleSeconds: now.idle / 1e3,
        };
      }
      /**
       * prom-client's `nodejs_eventloop_lag_seconds`: the time a `setImmediate` scheduled at the previous
       * collection waited to run. Returns that last measurement (`undefined` before the first one completes)
       * and schedules the next probe.
       */
      takeLag() {
        if (this.lagProbe === void 0) {
          const start = process.hrtime.bigint();
          this.lagProbe = setImmediate(() => {
            this.lagProbe = void 0;
            this.lagSeconds = Number(process.hrtime.bigint() - start) / NS_PER_S;
          });
          this.lagProbe.unref();
        }
        return this.lagSeconds;
      }
      /** Stops sampling; the monitor cannot be restarted. */
      stop() {
        this.histogram.disable();
        if (this.lagProbe !== void 0) clearImmediate(this.lagProbe);
        this.lagProbe = void 0;
      }
    };
    exports2.EventLoopMonitor = EventLoopMonitor;
  },
});

// packages/core/dist/runtime/recorder.js
var require_recorder2 = __commonJS({
  'packages/core/dist/runtime/recorder.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.nodeVersionParts = nodeVersionParts;
    exports2.attributeCache = attributeCache;
    function nodeVersionParts() {
      const [major = '', minor = '', patch = ''] = process.versions.node.split('.');
      return { version: process.version, major, minor, patch };
    }
    function attributeCache(make) {
      const cache = /* @__PURE__ */ new Map();
      return (key) => {
        let value = cache.get(key);
        if (value === void 0) {
          value = make(key);
          cache.set(key, value);
        }
        return value;
      };
    }
  },
});

// packages/core/dist/runtime/gc.js
var require_gc = __commonJS({
  'packages/core/dist/runtime/gc.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.gcKind = gcKind;
    exports2.observeGc = observeGc;
    var node_perf_hooks_1 = require('node:perf_hooks');
    var recorder_1 = require_recorder2();
    var KINDS = /* @__PURE__ */ new Map([
      [node_perf_hooks_1.constants.NODE_PERFORMANCE_GC_MAJOR, 'major'],
      [node_perf_hooks_1.constants.NODE_PERFORMANCE_GC_MINOR, 'minor'],
      [node_perf_hooks_1.constants.NODE_PERFORMANCE_GC_INCREMENTAL, 'incremental'],
      [node_perf_hooks_1.constants.NODE_PERFORMANCE_GC_WEAKCB, 'weakcb'],
    ]);
    function gcKind(detail) {
      const kind = typeof detail === 'object' && detail !== null ? Reflect.get(detail, 'kind') : void 0;
      return (typeof kind === 'number' && KINDS.get(kind)) || 'unknown';
    }
    function observeGc(histogram, kindAttribute) {
      const attributesOf = (0, recorder_1.attributeCache)((kind) => ({ [kindAttribute]: kind }));
      const observer = new node_perf_hooks_1.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          histogram.record(entry.duration / 1e3, attributesOf(gcKind(Reflect.get(entry, 'detail'))));
        }
      });
      observer.observe({ entryTypes: ['gc'] });
      return () => observer.disconnect();
    }
  },
});

// packages/core/dist/runtime/proc.js
var require_proc = __commonJS({
  'packages/core/dist/runtime/proc.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.HAS_PROCFS = void 0;
    exports2.countOpenFds = countOpenFds;
    exports2.readMaxFds = readMaxFds;
    exports2.readProcStatusMemory = readProcStatusMemory;
    var node_fs_1 = require('node:fs');
    exports2.HAS_PROCFS = process.platform === 'linux';
    function countOpenFds(dir = '/proc/self/fd') {
      return (0, node_fs_1.readdirSync)(dir).length - 1;
    }
    function readMaxFds(file = '/proc/self/limits') {
      const line = (0, node_fs_1.readFileSync)(file, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('Max open files'));
      if (line === void 0) throw new Error(`no "Max open files" line in ${file}`);
      const soft = line.slice('Max open files'.length).trim().split(/\s+/)[0];
      if (soft === 'unlimited') return void 0;
      const value = Number(soft);
      if (!Number.isSafeInteger(value))
        throw new Error(`unexpected "Max open files" value ${String(soft)} in ${file}`);
      return value;
    }
    function kiloBytes(text, key) {
      const start = text.indexOf(`
${key}:`);
      if (start < 0) throw new Error(`no ${key} in /proc/self/status`);
      const value = Number.parseInt(text.slice(start + key.length + 2).trimStart(), 10);
      if (!Number.isFinite(value)) throw new Error(`unparsable ${key} in /proc/self/status`);
      return value * 1024;
    }
    function readProcStatusMemory(file = '/proc/self/status') {
      const text = (0, node_fs_1.readFileSync)(file, 'utf8');
      return {
        residentBytes: kiloBytes(text, 'VmRSS'),
        virtualBytes: kiloBytes(text, 'VmSize'),
        dataBytes: kiloBytes(text, 'VmData'),
      };
    }
  },
});

// packages/core/dist/runtime/type-counts.js
var require_type_counts = __commonJS({
  'packages/core/dist/runtime/type-counts.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.TypeCounts = void 0;
    exports2.constructorNames = constructorNames;
    var TypeCounts = class {
      seen = /* @__PURE__ */ new Set();
      /** Counts `types` (one entry per item) and adds a 0 for every earlier type that is gone. */
      count(types) {
        const counts = /* @__PURE__ */ new Map();
        for (const type of types) {
          counts.set(type, (counts.get(type) ?? 0) + 1);
          this.seen.add(type);
        }
        for (const type of this.seen) if (!counts.has(type)) counts.set(type, 0);
        return counts;
      }
    };
    exports2.TypeCounts = TypeCounts;
    function* constructorNames(items) {
      for (const item of items) {
        if (typeof item !== 'object' || item === null) continue;
        const name = item.constructor?.name;
        if (typeof name === 'string' && name !== '') yield name;
      }
    }
  },
});

// packages/core/dist/runtime/otel-recorder.js
var require_otel_recorder = __commonJS({
  'packages/core/dist/runtime/otel-recorder.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createOtelRecorder = createOtelRecorder;
    var node_perf_hooks_1 = require('node:perf_hooks');
    var node_v8_1 = require('node:v8');
    var proc_1 = require_proc();
    var recorder_1 = require_recorder2();
    var type_counts_1 = require_type_counts();
    var SPACE = 'v8js.heap.space.name';
    var DELAY_KEYS = ['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'];
    var USER = { 'cpu.mode': 'user' };
    var SYSTEM = { 'cpu.mode': 'system' };
    var ACTIVE = { 'nodejs.eventloop.state': 'active' };
    var IDLE = { 'nodejs.eventloop.state': 'idle' };
    function createOtelRecorder(meter, sources) {
      const { reader, eventLoop } = sources;
      const bytes = (name, description) =>
        meter.createObservableUpDownCounter(name, { unit: 'By', description });
      const delay = Object.fromEntries(
        DELAY_KEYS.map((key) => [
          key,
          meter.createObservableGauge(`nodejs.eventloop.delay.${key}`, {
            unit: 's',
            description: `Event loop delay ${key} since the previous collection.`,
          }),
        ]),
      );
      const utilization = meter.createObservableGauge('nodejs.eventloop.utilization', {
        unit: '1',
        description: 'Event loop utilization since the previous collection.',
      });
      const loopTime = meter.createObservableCounter('nodejs.eventloop.time', {
        unit: 's',
        description: 'Cumulative time the event loop has been in each state.',
      });
      const heapUsed = bytes('v8js.memory.heap.used', 'Heap memory used, per heap space.');
      const spaceSize = bytes('v8js.memory.heap.space.size', 'Heap memory reserved, per heap space.');
      const spaceAvailable = bytes('v8js.memory.heap.space.available_size', 'Heap space available size.');
      const spacePhysical = bytes('v8js.memory.heap.space.physical_size', 'Committed size of a heap space.');
      const heapLimit = bytes('nodejs.memory.heap.limit', 'V8 heap size limit (heap_size_limit).');
      const external = bytes('nodejs.memory.external', 'Memory of C++ objects bound to JavaScript objects.');
      const rss = bytes('process.memory.usage', 'Resident set size of the process.');
      const resources = meter.createObservableGauge('v8js.resource.active', {
        unit: '{resource}',
        description: 'Active resources keeping the event loop alive, by type.',
      });
      const cpu = meter.createObservableCounter('process.cpu.time', {
        unit: 's',
        description: 'CPU time by mode.',
      });
      const uptime = meter.createObservableGauge('process.uptime', {
        unit: 's',
        description: 'Process uptime.',
      });
      const startTime = meter.createObservableGauge('process.start_time', {
        unit: 's',
        description: 'Process start time, seconds since the Unix epoch.',
      });
      const versionInfo = meter.createObservableGauge('nodejs.version_info', {
        description: 'Node.js version; always 1.',
      });
      const observables = [
        ...Object.values(delay),
        utilization,
        loopTime,
        heapUsed,
        spaceSize,
        spaceAvailable,
        spacePhysical,
        heapLimit,
        external,
        rss,
        resources,
        cpu,
        uptime,
        startTime,
        versionInfo,
      ];
      const fdCount = sources.hasProcfs
        ? meter.createObservableUpDownCounter('process.unix.file_descriptor.open', {
            unit: '{file_descriptor}',
            description: 'Open file descriptors.',
          })
        : void 0;
      const fdLimit =
        sources.maxFds === void 0
          ? void 0
          : meter.createObservableUpDownCounter('process.unix.file_descriptor.limit', {
              unit: '{file_descriptor}',
              description: 'Soft limit on open file descriptors.',
            });
      if (fdCount) observables.push(fdCount);
      if (fdLimit) observables.push(fdLimit);
      const gcHistogram = meter.createHistogram('v8js.gc.duration', {
        unit: 's',
        description: 'Garbage collection duration.',
        advice: { explicitBucketBoundaries: [...sources.options.gcDurationBuckets] },
      });
      const resourceCounts = new type_counts_1.TypeCounts();
      const startSeconds = node_perf_hooks_1.performance.timeOrigin / 1e3;
      const version = { 'nodejs.version': (0, recorder_1.nodeVersionParts)().version };
      const spaceAttrs = (0, recorder_1.attributeCache)((name) => ({ [SPACE]: name }));
      const observe = (result) => {
        const stats = reader.read('event loop delay', () => eventLoop.takeDelay());
        if (stats) for (const key of DELAY_KEYS) result.observe(delay[key], stats[key]);
        const usage = reader.read('event loop utilization', () => eventLoop.takeUsage());
        if (usage) {
          result.observe(utilization, usage.utilization);
          result.observe(loopTime, usage.activeSeconds, ACTIVE);
          result.observe(loopTime, usage.idleSeconds, IDLE);
        }
        const spaces = reader.read('v8 heap spaces', node_v8_1.getHeapSpaceStatistics) ?? [];
        for (const space of spaces) {
          const attrs = spaceAttrs(space.space_name);
          result.observe(heapUsed, space.space_used_size, attrs);
          result.observe(spaceSize, space.space_size, attrs);
          result.observe(spaceAvailable, space.space_available_size, attrs);
          result.observe(spacePhysical, space.physical_space_size, attrs);
        }
        const limit = reader.read(
          'v8 heap statistics',
          () => (0, node_v8_1.getHeapStatistics)().heap_size_limit,
        );
        if (limit !== void 0) result.observe(heapLimit, limit);
        const memory = reader.read('process.memoryUsage', () => process.memoryUsage());
        if (memory) {
          result.observe(external, memory.external);
          result.observe(rss, memory.rss);
        }
        const active = reader.read('active resources', () => process.getActiveResourcesInfo());
        if (active) {
          for (const [type, n] of resourceCounts.count(active))
            result.observe(resources, n, { 'v8js.resource.type': type });
        }
        const usageMicros = reader.read('process.cpuUsage', () => process.cpuUsage());
        if (usageMicros) {
          result.observe(cpu, usageMicros.user / 1e6, USER);
          result.observe(cpu, usageMicros.system / 1e6, SYSTEM);
        }
        result.observe(uptime, process.uptime());
        result.observe(startTime, startSeconds);
        result.observe(versionInfo, 1, version);
        if (fdCount) {
          const open = reader.read('/proc/self/fd', () => (0, proc_1.countOpenFds)());
          if (open !== void 0) result.observe(fdCount, open);
        }
        if (fdLimit && sources.maxFds !== void 0) result.observe(fdLimit, sources.maxFds);
      };
      return { observables, gcHistogram, gcKindAttribute: 'v8js.gc.type', observe };
    }
  },
});

// packages/core/dist/runtime/prom-client-recorder.js
var require_prom_client_recorder = __commonJS({
  'packages/core/dist/runtime/prom-client-recorder.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createPromClientRecorder = createPromClientRecorder;
    var node_v8_1 = require('node:v8');
    var proc_1 = require_proc();
    var recorder_1 = require_recorder2();
    var type_counts_1 = require_type_counts();
    var DELAY_KEYS = ['min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p99'];
    function privateLister(name) {
      const fn = Reflect.get(process, name);
      return typeof fn === 'function' ? () => Reflect.apply(fn, process, []) : void 0;
    }
    function createPromClientRecorder(meter, sources) {
      const { reader, eventLoop, hasProcfs, maxFds } = sources;
      const observables = [];
      const gauge = (name, description, unit) => {
        const g = meter.createObservableGauge(
          name,
          unit === void 0 ? { description } : { description, unit },
        );
        observables.push(g);
        return g;
      };
      const bytes = (name, description) => gauge(name, description, 'By');
      const seconds = (name, description) => gauge(name, description, 's');
      const counter = (name, description) => {
        const c = meter.createObservableCounter(name, { description, unit: 's' });
        observables.push(c);
        return c;
      };
      const cpuUser = counter('process_cpu_user_seconds', 'Total user CPU time spent in seconds.');
      const cpuSystem = counter('process_cpu_system_seconds', 'Total system CPU time spent in seconds.');
      const cpuTotal = counter('process_cpu_seconds', 'Total user and system CPU time spent in seconds.');
      const startTime = seconds(
        'process_start_time_seconds',
        'Start time of the process since unix epoch in seconds.',
      );
      const resident = bytes('process_resident_memory_bytes', 'Resident memory size in bytes.');
      const virtual = hasProcfs
        ? bytes('process_virtual_memory_bytes', 'Virtual memory size in bytes.')
        : void 0;
      const dataSegment = hasProcfs ? bytes('process_heap_bytes', 'Process heap size in bytes.') : void 0;
      const openFds = hasProcfs ? gauge('process_open_fds', 'Number of open file descriptors.') : void 0;
      const maxFdsGauge =
        maxFds === void 0 ? void 0 : gauge('process_max_fds', 'Maximum number of open file descriptors.');
      const lag = seconds('nodejs_eventloop_lag_seconds', 'Lag of event loop in seconds.');
      const delay = Object.fromEntries(
        DELAY_KEYS.map((k) => [
          k,
          seconds(`nodejs_eventloop_lag_${k}_seconds`, `The ${k} of the recorded event loop delays.`),
        ]),
      );
      const byType = (what, list, toTypes) => {
        if (list === void 0) return void 0;
        const perType = gauge(`nodejs_active_${what}`, `Number of active ${what} grouped by type.`);
        const total = gauge(`nodejs_active_${what}_total`, `Total number of active ${what}.`);
        const counts = new type_counts_1.TypeCounts();
        return (result) => {
          const items = reader.read(`active ${what}`, list);
          if (items === void 0) return;
          for (const [type, n] of counts.count(toTypes(items))) result.observe(perType, n, { type });
          result.observe(total, items.length);
        };
      };
      const observeResources = byType(
        'resources',
        () => process.getActiveResourcesInfo(),
        (i) => i,
      );
      const observeHandles = byType(
        'handles',
        privateLister('_getActiveHandles'),
        type_counts_1.constructorNames,
      );
      const observeRequests = byType(
        'requests',
        privateLister('_getActiveRequests'),
        type_counts_1.constructorNames,
      );
      const heapTotal = bytes('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes.');
      const heapUsed = bytes('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes.');
      const external = bytes('nodejs_external_memory_bytes', 'Node.js external memory size in bytes.');
      const spaceTotal = bytes(
        'nodejs_heap_space_size_total_bytes',
        'Process heap space size total in bytes.',
      );
      const spaceUsed = bytes('nodejs_heap_space_size_used_bytes', 'Process heap space size used in bytes.');
      const spaceFree = bytes(
        'nodejs_heap_space_size_available_bytes',
        'Process heap space available in bytes.',
      );
      const versionInfo = gauge('nodejs_version_info', 'Node.js version info.');
      const gcHistogram = meter.createHistogram('nodejs_gc_duration_seconds', {
        unit: 's',
        description: 'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
        advice: { explicitBucketBoundaries: [...sources.options.gcDurationBuckets] },
      });
      eventLoop.takeLag();
      const startSeconds = Math.round(Date.now() / 1e3 - process.uptime());
      const version = (0, recorder_1.nodeVersionParts)();
      const spaceLabel = (0, recorder_1.attributeCache)((name) => ({ space: name.replace(/_space$/, '') }));
      const observe = (result) => {
        const cpu = reader.read('process.cpuUsage', () => process.cpuUsage());
        if (cpu) {
          result.observe(cpuUser, cpu.user / 1e6);
          result.observe(cpuSystem, cpu.system / 1e6);
          result.observe(cpuTotal, (cpu.user + cpu.system) / 1e6);
        }
        result.observe(startTime, startSeconds);
        const memory = reader.read('process.memoryUsage', () => process.memoryUsage());
        if (memory) {
          result.observe(resident, memory.rss);
          result.observe(heapTotal, memory.heapTotal);
          result.observe(heapUsed, memory.heapUsed);
          result.observe(external, memory.external);
        }
        if (virtual && dataSegment) {
          const status = reader.read('/proc/self/status', () => (0, proc_1.readProcStatusMemory)());
          if (status) {
            result.observe(virtual, status.virtualBytes);
            result.observe(dataSegment, status.dataBytes);
          }
        }
        if (openFds) {
          const open = reader.read('/proc/self/fd', () => (0, proc_1.countOpenFds)());
          if (open !== void 0) result.observe(openFds, open);
        }
        if (maxFdsGauge && maxFds !== void 0) result.observe(maxFdsGauge, maxFds);
        const lagSeconds = reader.read('event loop lag', () => eventLoop.takeLag());
        if (lagSeconds !== void 0) result.observe(lag, lagSeconds);
        const stats = reader.read('event loop delay', () => eventLoop.takeDelay());
        if (stats) for (const key of DELAY_KEYS) result.observe(delay[key], stats[key]);
        observeResources?.(result);
        observeHandles?.(result);
        observeRequests?.(result);
        for (const space of reader.read('v8 heap spaces', node_v8_1.getHeapSpaceStatistics) ?? []) {
          const labels = spaceLabel(space.space_name);
          result.observe(spaceTotal, space.space_size, labels);
          result.observe(spaceUsed, space.space_used_size, labels);
          result.observe(spaceFree, space.space_available_size, labels);
        }
        result.observe(versionInfo, 1, version);
      };
      return { observables, gcHistogram, gcKindAttribute: 'kind', observe };
    }
  },
});

// packages/core/dist/runtime/safe-read.js
var require_safe_read = __commonJS({
  'packages/core/dist/runtime/safe-read.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.SafeReader = void 0;
    var api_1 = require('@opentelemetry/api');
    var SafeReader = class {
      reported = /* @__PURE__ */ new Set();
      /** Returns `read()`'s value, or `undefined` when it throws (logged once per `source`). */
      read(source, read) {
        try {
          return read();
        } catch (error) {
          this.fail(source, error);
          return void 0;
        }
      }
      /** Records that `source` could not be read; logs only the first time. */
      fail(source, error) {
        if (this.reported.has(source)) return;
        this.reported.add(source);
        const reason = error instanceof Error ? error.message : String(error);
        api_1.diag.debug(`otelkit runtime metrics: cannot read ${source}, skipping its metrics: ${reason}`);
      }
    };
    exports2.SafeReader = SafeReader;
  },
});

// packages/core/dist/runtime/runtime-metrics.js
var require_runtime_metrics = __commonJS({
  'packages/core/dist/runtime/runtime-metrics.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.startRuntimeMetrics = startRuntimeMetrics;
    var event_loop_1 = require_event_loop();
    var gc_1 = require_gc();
    var options_1 = require_options();
    var otel_recorder_1 = require_otel_recorder();
    var proc_1 = require_proc();
    var prom_client_recorder_1 = require_prom_client_recorder();
    var safe_read_1 = require_safe_read();
    var RECORDERS = {
      otel: otel_recorder_1.createOtelRecorder,
      'prom-client': prom_client_recorder_1.createPromClientRecorder,
    };
    function startRuntimeMetrics(meter, options) {
      const resolved = (0, options_1.resolveRuntimeMetricsOptions)(options);
      const reader = new safe_read_1.SafeReader();
      const maxFds = proc_1.HAS_PROCFS
        ? reader.read('/proc/self/limits', () => (0, proc_1.readMaxFds)())
        : void 0;
      const eventLoop = new event_loop_1.EventLoopMonitor(resolved.eventLoopResolutionMs);
      const sources = { options: resolved, eventLoop, reader, hasProcfs: proc_1.HAS_PROCFS, maxFds };
      const recorder = RECORDERS[resolved.naming](meter, sources);
      const callback = (result) => {
        try {
          recorder.observe(result);
        } catch (error) {
          reader.fail('runtime metrics', error);
        }
      };
      meter.addBatchObservableCallback(callback, [...recorder.observables]);
      const stopGc = (0, gc_1.observeGc)(recorder.gcHistogram, recorder.gcKindAttribute);
      let stopped = false;
      return {
        stop() {
          if (stopped) return;
          stopped = true;
          meter.removeBatchObservableCallback(callback, [...recorder.observables]);
          stopGc();
          eventLoop.stop();
        },
      };
    }
  },
});

// packages/core/dist/self/export-stats.js
var require_export_stats = __commonJS({
  'packages/core/dist/self/export-stats.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.ExportStats = void 0;
    var ExportStats = class {
      stats = /* @__PURE__ */ new Map();
      stat(signal, exporter) {
        const key = `${signal}\0${exporter}`;
        let stat = this.stats.get(key);
        if (stat === void 0) {
          stat = { signal, exporter, successes: 0, failures: 0, dropped: 0, lastSuccessMs: void 0 };
          this.stats.set(key, stat);
        }
        return stat;
      }
      /** Declares an exporter, so its series are reported (at 0) before its first export. */
      register(signal, exporter) {
        this.stat(signal, exporter);
      }
      /** Records a successful export. */
      success(signal, exporter) {
        const stat = this.stat(signal, exporter);
        stat.successes++;
        stat.lastSuccessMs = Date.now();
      }
      /** Records a failed export and the items (data points, spans) it lost. */
      failure(signal, exporter, lostItems) {
        const stat = this.stat(signal, exporter);
        stat.failures++;
        stat.dropped += lostItems;
      }
      /** Records items dropped before export (a full queue). */
      dropped(signal, exporter, items) {
        this.stat(signal, exporter).dropped += items;
      }
      /** A copy of the current counts. */
      snapshot() {
        return [...this.stats.values()].map((s) => ({ ...s }));
      }
    };
    exports2.ExportStats = ExportStats;
  },
});

// packages/core/dist/server/options.js
var require_options2 = __commonJS({
  'packages/core/dist/server/options.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.SERVER_DEFAULTS = void 0;
    exports2.resolveServerOptions = resolveServerOptions;
    var errors_1 = require_errors();
    exports2.SERVER_DEFAULTS = {
      host: '0.0.0.0',
      port: 9464,
      requestTimeoutMs: 1e4,
      headersTimeoutMs: 5e3,
      keepAliveTimeoutMs: 5e3,
      maxHeaderSize: 16384,
      maxUrlLength: 8192,
      maxConnections: 256,
      closeGraceMs: 1e3,
    };
    var INVALID = 'OTELKIT_ERR_INVALID_SERVER_OPTION';
    function positiveInteger(name, value) {
      if (!Number.isSafeInteger(value) || value <= 0) {
        throw new errors_1.OtelkitError(
          INVALID,
          `server option ${name} must be a positive integer, got ${String(value)}`,
        );
      }
      return value;
    }
    function nonEmpty(name, value) {
      if (typeof value !== 'string' || value.length === 0) {
        throw new errors_1.OtelkitError(INVALID, `server option ${name} must be a non-empty string`);
      }
    }
    function validateAuth(auth) {
      if (auth.type === 'basic') {
        nonEmpty('auth.username', auth.username);
        nonEmpty('auth.password', auth.password);
        if (auth.username.includes(':')) {
          throw new errors_1.OtelkitError(
            INVALID,
            `server option auth.username must not contain ':', got ${auth.username}`,
          );
        }
      } else if (auth.type === 'bearer') {
        nonEmpty('auth.token', auth.token);
      } else {
        const type = auth.type;
        throw new errors_1.OtelkitError(
          INVALID,
          `server option auth.type must be 'basic' or 'bearer', got ${String(type)}`,
        );
      }
      return auth;
    }
    function resolveServerOptions(options) {
      const port = options.port ?? exports2.SERVER_DEFAULTS.port;
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new errors_1.OtelkitError(
          'OTELKIT_ERR_INVALID_PORT',
          `server option port must be 0..65535, got ${String(port)}`,
        );
      }
      const host = options.host ?? exports2.SERVER_DEFAULTS.host;
      nonEmpty('host', host);
      const requestTimeoutMs = positiveInteger(
        'requestTimeoutMs',
        options.requestTimeoutMs ?? exports2.SERVER_DEFAULTS.requestTimeoutMs,
      );
      const headersTimeoutMs = positiveInteger(
        'headersTimeoutMs',
        options.headersTimeoutMs ?? Math.min(exports2.SERVER_DEFAULTS.headersTimeoutMs, requestTimeoutMs),
      );
      if (headersTimeoutMs > requestTimeoutMs) {
        throw new errors_1.OtelkitError(
          INVALID,
          `server option headersTimeoutMs (${headersTimeoutMs}) must not exceed requestTimeoutMs (${requestTimeoutMs})`,
        );
      }
      if (options.tls !== void 0) {
        nonEmpty('tls.certFile', options.tls.certFile);
        nonEmpty('tls.keyFile', options.tls.keyFile);
        if (options.tls.caFile !== void 0) nonEmpty('tls.caFile', options.tls.caFile);
      }
      return {
        host,
        port,
        requestTimeoutMs,
        headersTimeoutMs,
        keepAliveTimeoutMs: positiveInteger(
          'keepAliveTimeoutMs',
          options.keepAliveTimeoutMs ?? exports2.SERVER_DEFAULTS.keepAliveTimeoutMs,
        ),
        maxHeaderSize: positiveInteger(
          'maxHeaderSize',
          options.maxHeaderSize ?? exports2.SERVER_DEFAULTS.maxHeaderSize,
        ),
        maxUrlLength: positiveInteger(
          'maxUrlLength',
          options.maxUrlLength ?? exports2.SERVER_DEFAULTS.maxUrlLength,
        ),
        maxConnections: positiveInteger(
          'maxConnections',
          options.maxConnections ?? exports2.SERVER_DEFAULTS.maxConnections,
        ),
        closeGraceMs: positiveInteger(
          'closeGraceMs',
          options.closeGraceMs ?? exports2.SERVER_DEFAULTS.closeGraceMs,
        ),
        auth: options.auth === void 0 ? void 0 : validateAuth(options.auth),
        tls: options.tls,
        onError: options.onError,
      };
    }
  },
});

// packages/core/dist/server/auth.js
var require_auth = __commonJS({
  'packages/core/dist/server/auth.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createAuthenticator = createAuthenticator;
    var node_crypto_1 = require('node:crypto');
    function digest(value) {
      return (0, node_crypto_1.createHash)('sha256').update(value, 'utf8').digest();
    }
    function credentialsFor(scheme, authorization) {
      if (authorization === void 0) return void 0;
      const space = authorization.indexOf(' ');
      if (space <= 0 || authorization.slice(0, space).toLowerCase() !== scheme) return void 0;
      const credentials = authorization.slice(space + 1).trim();
      return credentials.length > 0 ? credentials : void 0;
    }
    function basicAuthenticator(username, password) {
      const expectedUser = digest(username);
      const expectedPassword = digest(password);
      const identity = `basic:${username}`;
      return {
        challenge: 'Basic realm="otelkit", charset="UTF-8"',
        authenticate(authorization) {
          const encoded = credentialsFor('basic', authorization);
          if (encoded === void 0) return void 0;
          const decoded = Buffer.from(encoded, 'base64').toString('utf8');
          const colon = decoded.indexOf(':');
          if (colon < 0) return void 0;
          const userMatches = (0, node_crypto_1.timingSafeEqual)(
            digest(decoded.slice(0, colon)),
            expectedUser,
          );
          const passwordMatches = (0, node_crypto_1.timingSafeEqual)(
            digest(decoded.slice(colon + 1)),
            expectedPassword,
          );
          return userMatches && passwordMatches ? identity : void 0;
        },
      };
    }
    function bearerAuthenticator(token) {
      const expected = digest(token);
      return {
        challenge: 'Bearer realm="otelkit"',
        authenticate(authorization) {
          const presented = credentialsFor('bearer', authorization);
          if (presented === void 0) return void 0;
          return (0, node_crypto_1.timingSafeEqual)(digest(presented), expected) ? 'bearer' : void 0;
        },
      };
    }
    function createAuthenticator(auth) {
      return auth.type === 'basic'
        ? basicAuthenticator(auth.username, auth.password)
        : bearerAuthenticator(auth.token);
    }
  },
});

// packages/core/dist/server/dispatch.js
var require_dispatch = __commonJS({
  'packages/core/dist/server/dispatch.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createRequestListener = createRequestListener;
    var api_1 = require('@opentelemetry/api');
    var SECURITY_HEADERS = [
      ['X-Content-Type-Options', 'nosniff'],
      ['Cache-Control', 'no-store'],
      ['X-Frame-Options', 'DENY'],
      ['Referrer-Policy', 'no-referrer'],
    ];
    function setSecurityHeaders(response) {
      for (const [name, value] of SECURITY_HEADERS) response.setHeader(name, value);
    }
    function sendText(response, status, body, headers = {}) {
      response.statusCode = status;
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.setHeader('Content-Length', Buffer.byteLength(body));
      response.end(body);
    }
    function parseTarget(target, scheme) {
      try {
        if (target.startsWith('/')) return new URL(`${scheme}://localhost${target}`);
        if (/^https?:\/\//i.test(target)) return new URL(target);
      } catch {
        return void 0;
      }
      return void 0;
    }
    function toError(value) {
      return value instanceof Error ? value : new Error(String(value));
    }
    function answerInternalError(response) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      for (const name of response.getHeaderNames()) response.removeHeader(name);
      setSecurityHeaders(response);
      sendText(response, 500, 'internal error\n');
    }
    async function dispatch(context, raw, response) {
      setSecurityHeaders(response);
      const target = raw.url ?? '';
      if (target.length > context.maxUrlLength) return sendText(response, 414, 'uri too long\n');
      const url = parseTarget(target, context.scheme);
      if (url === void 0) return sendText(response, 400, 'bad request\n');
      const route = context.routes.match(url.pathname);
      if (route === void 0) return sendText(response, 404, 'not found\n');
      const method = raw.method ?? 'GET';
      if (!route.methods.has(method))
        return sendText(response, 405, 'method not allowed\n', { Allow: route.allow });
      let identity;
      if (context.authenticator !== void 0 && route.auth) {
        identity = context.authenticator.authenticate(raw.headers.authorization);
        if (identity === void 0) {
          return sendText(response, 401, 'unauthorized\n', {
            'WWW-Authenticate': context.authenticator.challenge,
          });
        }
      }
      const request = { method, path: url.pathname, url, headers: raw.headers, identity, raw };
      try {
        await route.handler(request, response);
      } catch (thrown) {
        const error = toError(thrown);
        api_1.diag.error(`otelkit server: handler for ${method} ${route.path} failed: ${error.message}`);
        context.reportError(error);
        answerInternalError(response);
      }
    }
    function createRequestListener(context) {
      return (raw, response) => {
        dispatch(context, raw, response).catch((thrown) => {
          api_1.diag.error(`otelkit server: could not answer request: ${toError(thrown).message}`);
          response.destroy();
        });
      };
    }
  },
});

// packages/core/dist/server/router.js
var require_router = __commonJS({
  'packages/core/dist/server/router.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RouteTable = void 0;
    var errors_1 = require_errors();
    var DEFAULT_METHODS = ['GET', 'HEAD'];
    var TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
    function validatePath(path) {
      const valid =
        typeof path === 'string' &&
        path.startsWith('/') &&
        !/[?#\s]/.test(path) &&
        (path === '/' || !path.endsWith('/'));
      if (!valid) {
        throw new errors_1.OtelkitError(
          'OTELKIT_ERR_INVALID_ROUTE',
          `route path must start with '/', have no query, fragment, whitespace or trailing slash, got ${JSON.stringify(path)}`,
        );
      }
    }
    function normaliseMethods(path, methods) {
      const set = /* @__PURE__ */ new Set();
      for (const method of methods) {
        if (typeof method !== 'string' || !TOKEN.test(method)) {
          throw new errors_1.OtelkitError(
            'OTELKIT_ERR_INVALID_ROUTE',
            `route ${path}: invalid method ${JSON.stringify(method)}`,
          );
        }
        set.add(method.toUpperCase());
      }
      if (set.has('GET')) set.add('HEAD');
      return set;
    }
    var RouteTable = class {
      exact = /* @__PURE__ */ new Map();
      prefixes = [];
      /** Mounts or replaces the route on `path`; throws `OTELKIT_ERR_INVALID_ROUTE` for a malformed path or method. */
      mount(path, handler, options = {}) {
        validatePath(path);
        if (typeof handler !== 'function') {
          throw new errors_1.OtelkitError(
            'OTELKIT_ERR_INVALID_ROUTE',
            `route ${path}: handler must be a function`,
          );
        }
        const methods = normaliseMethods(path, options.methods ?? DEFAULT_METHODS);
        const route = {
          path,
          handler,
          methods,
          allow: [...methods].join(', '),
          auth: options.auth ?? true,
          prefix: options.prefix ?? false,
        };
        this.exact.set(path, route);
        this.prefixes = [...this.exact.values()]
          .filter((r) => r.prefix)
          .sort((a, b) => b.path.length - a.path.length);
      }
      /** The route serving `path`, or `undefined`. */
      match(path) {
        const exact = this.exact.get(path);
        if (exact !== void 0) return exact;
        for (const route of this.prefixes) {
          const base = route.path === '/' ? '/' : `${route.path}/`;
          if (path.startsWith(base)) return route;
        }
        return void 0;
      }
      /** Mounted paths, sorted. */
      paths() {
        return [...this.exact.keys()].sort();
      }
    };
    exports2.RouteTable = RouteTable;
  },
});

// packages/core/dist/server/tls.js
var require_tls = __commonJS({
  'packages/core/dist/server/tls.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.readTlsFiles = readTlsFiles;
    var promises_1 = require('node:fs/promises');
    var errors_1 = require_errors();
    async function readTlsFile(option, path) {
      try {
        return await (0, promises_1.readFile)(path);
      } catch (cause) {
        const reason = cause.code ?? cause.message;
        throw new errors_1.OtelkitError(
          'OTELKIT_ERR_TLS_FILE',
          `server option ${option}: cannot read ${path} (${reason})`,
          {
            cause,
          },
        );
      }
    }
    async function readTlsFiles(tls) {
      const [cert, key, ca] = await Promise.all([
        readTlsFile('tls.certFile', tls.certFile),
        readTlsFile('tls.keyFile', tls.keyFile),
        tls.caFile === void 0 ? void 0 : readTlsFile('tls.caFile', tls.caFile),
      ]);
      return { cert, key, ca };
    }
  },
});

// packages/core/dist/server/server.js
var require_server = __commonJS({
  'packages/core/dist/server/server.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.INTERNAL_SERVER = void 0;
    exports2.createObservabilityServer = createObservabilityServer;
    var node_http_1 = require('node:http');
    var node_https_1 = require('node:https');
    var api_1 = require('@opentelemetry/api');
    var errors_1 = require_errors();
    var auth_1 = require_auth();
    var dispatch_1 = require_dispatch();
    var options_1 = require_options2();
    var router_1 = require_router();
    var tls_1 = require_tls();
    exports2.INTERNAL_SERVER = /* @__PURE__ */ Symbol.for('otelkit.internal-server');
    function markInternal(server) {
      server[exports2.INTERNAL_SERVER] = true;
      return server;
    }
    function describe(error) {
      const { code, message } = error;
      return code !== void 0 ? `${code}: ${message}` : String(message ?? error);
    }
    function toAddress(server, scheme) {
      const { address, port } = server.address();
      const unspecified = address === '0.0.0.0' || address === '::';
      const urlHost = unspecified ? 'localhost' : address.includes(':') ? `[${address}]` : address;
      return { host: address, port, url: `${scheme}://${urlHost}:${port}` };
    }
    function createNodeServer(options, tls, listener) {
      const httpOptions = {
        requestTimeout: options.requestTimeoutMs,
        headersTimeout: options.headersTimeoutMs,
        keepAliveTimeout: options.keepAliveTimeoutMs,
        maxHeaderSize: options.maxHeaderSize,
        // Node checks the two timeouts above on this interval (default 30 s, far coarser than they are).
        connectionsCheckingInterval: Math.max(10, Math.min(1e3, Math.floor(options.headersTimeoutMs / 4))),
      };
      if (tls === void 0) return markInternal((0, node_http_1.createServer)(httpOptions, listener));
      const { certFile, keyFile } = options.tls;
      try {
        return markInternal(
          (0, node_https_1.createServer)(
            {
              ...httpOptions,
              cert: tls.cert,
              key: tls.key,
              ca: tls.ca,
              requestCert: tls.ca !== void 0,
              rejectUnauthorized: tls.ca !== void 0,
              handshakeTimeout: options.headersTimeoutMs,
            },
            listener,
          ),
        );
      } catch (cause) {
        throw new errors_1.OtelkitError(
          'OTELKIT_ERR_TLS_FILE',
          `server option tls: cannot use certFile ${certFile} with keyFile ${keyFile} (${describe(cause)})`,
          { cause },
        );
      }
    }
    function createObservabilityServer(options = {}) {
      const resolved = (0, options_1.resolveServerOptions)(options);
      const scheme = resolved.tls === void 0 ? 'http' : 'https';
      const table = new router_1.RouteTable();
      const reportError = (error) => {
        try {
          resolved.onError?.(error);
        } catch (thrown) {
          api_1.diag.error(`otelkit server: onError threw: ${describe(thrown)}`);
        }
      };
      const listener = (0, dispatch_1.createRequestListener)({
        routes: table,
        authenticator: resolved.auth === void 0 ? void 0 : (0, auth_1.createAuthenticator)(resolved.auth),
        maxUrlLength: resolved.maxUrlLength,
        scheme,
        reportError,
      });
      let state = { phase: 'idle' };
      const hostPort = `${resolved.host}:${resolved.port}`;
      async function start() {
        const tls = resolved.tls === void 0 ? void 0 : await (0, tls_1.readTlsFiles)(resolved.tls);
        const server = createNodeServer(resolved, tls, listener);
        server.maxConnections = resolved.maxConnections;
        server.unref();
        server.on('connection', (socket) => socket.unref());
        await new Promise((resolve, reject) => {
          const onListenError = (cause) => {
            reject(
              new errors_1.OtelkitError(
                'OTELKIT_ERR_SERVER_LISTEN',
                `cannot listen on ${hostPort}: ${describe(cause)}`,
                {
                  cause,
                },
              ),
            );
          };
          server.once('error', onListenError);
          server.listen({ host: resolved.host, port: resolved.port }, () => {
            server.off('error', onListenError);
            resolve();
          });
        });
        server.on('error', (error) => {
          api_1.diag.error(`otelkit server: ${describe(error)}`);
          reportError(error);
        });
        const address = toAddress(server, scheme);
        api_1.diag.debug(`otelkit server: listening on ${address.url}`);
        return { server, address };
      }
      function shutDown(server) {
        return new Promise((resolve) => {
          const cutOff = setTimeout(() => server.closeAllConnections(), resolved.closeGraceMs);
          server.close(() => {
            clearTimeout(cutOff);
            resolve();
          });
          server.closeIdleConnections();
        });
      }
      return {
        route(path, handler, routeOptions) {
          table.mount(path, handler, routeOptions);
        },
        routes: () => table.paths(),
        address: () => (state.phase === 'listening' ? state.address : void 0),
        listen() {
          switch (state.phase) {
            case 'idle': {
              const ready = start();
              const starting = { phase: 'starting', ready };
              state = starting;
              return ready.then(
                (started) => {
                  if (state === starting) state = { phase: 'listening', ...started };
                  return started.address;
                },
                (error) => {
                  if (state === starting) state = { phase: 'idle' };
                  throw error;
                },
              );
            }
            case 'starting':
              return state.ready.then((started) => started.address);
            case 'listening':
              return Promise.resolve(state.address);
            default:
              return Promise.reject(
                new errors_1.OtelkitError(
                  'OTELKIT_ERR_SERVER_LISTEN',
                  `cannot listen on ${hostPort}: the server was closed`,
                ),
              );
          }
        },
        close() {
          switch (state.phase) {
            case 'idle':
              state = { phase: 'closed' };
              return Promise.resolve();
            case 'closing':
              return state.done;
            case 'closed':
              return Promise.resolve();
            default: {
              const current = state;
              const done = (
                current.phase === 'listening'
                  ? shutDown(current.server)
                  : current.ready.then(
                      (started) => shutDown(started.server),
                      () => void 0,
                    )
              ).then(() => {
                state = { phase: 'closed' };
              });
              state = { phase: 'closing', done };
              return done;
            }
          }
        },
      };
    }
  },
});

// packages/core/dist/export/metrics-endpoint.js
var require_metrics_endpoint = __commonJS({
  'packages/core/dist/export/metrics-endpoint.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.PullCollector = void 0;
    exports2.mountMetricsRoutes = mountMetricsRoutes;
    var api_1 = require('@opentelemetry/api');
    var store_1 = require_store();
    var exposition_1 = require_exposition();
    var content_type_1 = require_content_type();
    var PullCollector = class {
      reader;
      inFlight;
      constructor(reader) {
        this.reader = reader;
      }
      /** Collects current metrics (sharing a collection already in progress). */
      collect() {
        if (this.inFlight !== void 0) return this.inFlight;
        const pending = this.reader.collect().then(
          ({ resourceMetrics, errors }) => {
            for (const error of errors) api_1.diag.debug('otelkit: error during metric collection', error);
            store_1.exemplars.attach(resourceMetrics);
            return resourceMetrics;
          },
          (error) => {
            throw error;
          },
        );
        this.inFlight = pending;
        const clear = () => {
          if (this.inFlight === pending) this.inFlight = void 0;
        };
        pending.then(clear, clear);
        return pending;
      }
      /** The JSON snapshot behind `/metrics/json`. */
      async snapshot() {
        return (0, exposition_1.toJsonSnapshot)(await this.collect());
      }
    };
    exports2.PullCollector = PullCollector;
    function mountMetricsRoutes(server, collector) {
      server.route('/metrics', async (request, response) => {
        const format = (0, content_type_1.negotiateFormat)(request.headers.accept);
        const body = (0, exposition_1.serializeMetrics)(await collector.collect(), { format });
        response.writeHead(200, {
          'content-type': (0, content_type_1.contentTypeFor)(format),
          'content-length': Buffer.byteLength(body),
        });
        response.end(request.method === 'HEAD' ? void 0 : body);
      });
      server.route('/metrics/json', async (request, response) => {
        const body = JSON.stringify(await collector.snapshot());
        response.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        response.end(request.method === 'HEAD' ? void 0 : body);
      });
    }
  },
});

// packages/core/dist/export/instrumented-exporter.js
var require_instrumented_exporter = __commonJS({
  'packages/core/dist/export/instrumented-exporter.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.InstrumentedMetricExporter = void 0;
    var core_1 = require('@opentelemetry/core');
    function countPoints(metrics) {
      let n = 0;
      for (const scope of metrics.scopeMetrics)
        for (const metric of scope.metrics) n += metric.dataPoints.length;
      return n;
    }
    var InstrumentedMetricExporter = class {
      inner;
      name;
      stats;
      constructor(inner, name, stats) {
        this.inner = inner;
        this.name = name;
        this.stats = stats;
        stats.register('metrics', name);
      }
      export(metrics, resultCallback) {
        this.inner.export(metrics, (result) => {
          if (result.code === core_1.ExportResultCode.SUCCESS) this.stats.success('metrics', this.name);
          else this.stats.failure('metrics', this.name, countPoints(metrics));
          resultCallback(result);
        });
      }
      forceFlush() {
        return this.inner.forceFlush();
      }
      shutdown() {
        return this.inner.shutdown();
      }
      selectAggregationTemporality(instrumentType) {
        return this.inner.selectAggregationTemporality(instrumentType);
      }
      selectAggregation(instrumentType) {
        return this.inner.selectAggregation(instrumentType);
      }
    };
    exports2.InstrumentedMetricExporter = InstrumentedMetricExporter;
  },
});

// packages/core/dist/export/lazy-exporter.js
var require_lazy_exporter = __commonJS({
  'packages/core/dist/export/lazy-exporter.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LazyMetricExporter = void 0;
    exports2.temporalityFor = temporalityFor;
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    function temporalityFor(preference, kind) {
      if (preference === 'cumulative') return sdk_metrics_1.AggregationTemporality.CUMULATIVE;
      switch (kind) {
        case sdk_metrics_1.InstrumentType.COUNTER:
        case sdk_metrics_1.InstrumentType.HISTOGRAM:
          return sdk_metrics_1.AggregationTemporality.DELTA;
        case sdk_metrics_1.InstrumentType.OBSERVABLE_COUNTER:
          return preference === 'delta'
            ? sdk_metrics_1.AggregationTemporality.DELTA
            : sdk_metrics_1.AggregationTemporality.CUMULATIVE;
        default:
          return sdk_metrics_1.AggregationTemporality.CUMULATIVE;
      }
    }
    var LazyMetricExporter = class {
      create;
      preference;
      inner;
      constructor(create, preference) {
        this.create = create;
        this.preference = preference;
      }
      export(metrics, resultCallback) {
        this.inner ??= this.create();
        this.inner.export(metrics, resultCallback);
      }
      async forceFlush() {
        await this.inner?.forceFlush();
      }
      async shutdown() {
        await this.inner?.shutdown();
      }
      selectAggregationTemporality(kind) {
        return temporalityFor(this.preference, kind);
      }
      selectAggregation(_kind) {
        return { type: sdk_metrics_1.AggregationType.DEFAULT };
      }
    };
    exports2.LazyMetricExporter = LazyMetricExporter;
  },
});

// packages/core/dist/export/readers.js
var require_readers = __commonJS({
  'packages/core/dist/export/readers.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createReaders = createReaders;
    var exporter_prometheus_1 = require('@opentelemetry/exporter-prometheus');
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var instrumented_exporter_1 = require_instrumented_exporter();
    var lazy_exporter_1 = require_lazy_exporter();
    var local_producer_1 = require_local_producer();
    function createReaders(config, stats, local) {
      const cumulative = () => [
        new local_producer_1.LocalMetricProducer(local, sdk_metrics_1.AggregationTemporality.CUMULATIVE),
      ];
      const otlpTemporality =
        config.otlp.temporality === 'cumulative'
          ? sdk_metrics_1.AggregationTemporality.CUMULATIVE
          : sdk_metrics_1.AggregationTemporality.DELTA;
      const all = [];
      let prometheus;
      for (const name of config.metricsExporters) {
        if (name === 'prometheus') {
          prometheus = new exporter_prometheus_1.PrometheusExporter({
            preventServerStart: true,
            metricProducers: cumulative(),
          });
          all.push(prometheus);
        } else if (name === 'otlp') {
          const exporter = new lazy_exporter_1.LazyMetricExporter(() => {
            const {
              AggregationTemporalityPreference: T,
              OTLPMetricExporter,
            } = require('@opentelemetry/exporter-metrics-otlp-http');
            const temporality = { cumulative: T.CUMULATIVE, delta: T.DELTA, lowmemory: T.LOWMEMORY };
            return new OTLPMetricExporter({
              url: config.otlp.endpoint ?? 'http://localhost:4318/v1/metrics',
              headers: { ...config.otlp.headers },
              timeoutMillis: config.otlp.timeoutMs,
              temporalityPreference: temporality[config.otlp.temporality],
            });
          }, config.otlp.temporality);
          all.push(
            new sdk_metrics_1.PeriodicExportingMetricReader({
              exporter: new instrumented_exporter_1.InstrumentedMetricExporter(exporter, 'otlp', stats),
              metricProducers: [new local_producer_1.LocalMetricProducer(local, otlpTemporality)],
              exportIntervalMillis: config.exportIntervalMs,
              exportTimeoutMillis: config.exportTimeoutMs,
            }),
          );
        } else if (name === 'console') {
          all.push(
            new sdk_metrics_1.PeriodicExportingMetricReader({
              exporter: new instrumented_exporter_1.InstrumentedMetricExporter(
                new sdk_metrics_1.ConsoleMetricExporter(),
                'console',
                stats,
              ),
              metricProducers: cumulative(),
              exportIntervalMillis: config.exportIntervalMs,
              exportTimeoutMillis: config.exportTimeoutMs,
            }),
          );
        }
      }
      return { prometheus, all };
    }
  },
});

// packages/core/dist/self/self-metrics.js
var require_self_metrics = __commonJS({
  'packages/core/dist/self/self-metrics.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.registerSelfMetrics = registerSelfMetrics;
    var values_1 = require_values();
    function registerSelfMetrics(meter, sources) {
      const exports3 = meter.createObservableCounter('otelkit.exporter.exports', {
        description: 'Export attempts of otelkit push exporters, by signal, exporter and outcome.',
      });
      const dropped = meter.createObservableCounter('otelkit.exporter.dropped', {
        description: 'Telemetry items (data points, spans) lost by failed exports or full queues.',
      });
      const lastSuccess = meter.createObservableGauge('otelkit.exporter.last_success.timestamp', {
        description: 'Unix time of the last successful export, by signal and exporter.',
        unit: 's',
      });
      const overflow = meter.createObservableCounter('otelkit.metric.overflow.measurements', {
        description:
          'Measurements whose attribute set was over the cardinality limit and went to the overflow series.',
      });
      const limit = meter.createObservableGauge('otelkit.metric.cardinality.limit', {
        description: 'Attribute sets allowed per instrument before the overflow series.',
      });
      const reloads = meter.createObservableCounter('otelkit.config.reloads', {
        description:
          'Reloads of the settings file (OTELKIT_CONFIG_FILE), by outcome: applied, rejected, unchanged.',
      });
      const invalid = meter.createObservableCounter('otelkit.metric.invalid.measurements', {
        description:
          'Measurements dropped at record time as invalid (NaN, infinite, negative counter increments, non-numbers).',
      });
      const droppedAttributes = meter.createObservableCounter('otelkit.metric.dropped.attributes', {
        description: 'Attributes dropped at record time because their values were not attribute values.',
      });
      const observables = [
        exports3,
        dropped,
        lastSuccess,
        overflow,
        limit,
        reloads,
        invalid,
        droppedAttributes,
      ];
      const callback = (result) => {
        for (const s of sources.exportStats.snapshot()) {
          const base = { signal: s.signal, exporter: s.exporter };
          result.observe(exports3, s.successes, { ...base, outcome: 'success' });
          result.observe(exports3, s.failures, { ...base, outcome: 'failure' });
          result.observe(dropped, s.dropped, base);
          if (s.lastSuccessMs !== void 0) result.observe(lastSuccess, s.lastSuccessMs / 1e3, base);
        }
        for (const guard of sources.guards()) {
          result.observe(overflow, guard.overflowed, { instrument: guard.instrument });
          if (guard.droppedAttributes > 0) {
            result.observe(droppedAttributes, guard.droppedAttributes, { instrument: guard.instrument });
          }
        }
        for (const [instrument, n] of values_1.invalidMeasurements)
          result.observe(invalid, n, { instrument });
        result.observe(limit, sources.cardinalityLimit);
        const counts = sources.reloads?.();
        if (counts !== void 0)
          for (const [outcome, n] of Object.entries(counts)) result.observe(reloads, n, { outcome });
      };
      meter.addBatchObservableCallback(callback, observables);
      return () => meter.removeBatchObservableCallback(callback, observables);
    }
  },
});

// packages/core/dist/timeout.js
var require_timeout = __commonJS({
  'packages/core/dist/timeout.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.withTimeout = withTimeout;
    function withTimeout(promise, ms, what) {
      let timer;
      const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
        timer.unref();
      });
      return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
    }
  },
});

// packages/core/dist/telemetry.js
var require_telemetry = __commonJS({
  'packages/core/dist/telemetry.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.startTelemetry = startTelemetry;
    var api_1 = require('@opentelemetry/api');
    var sdk_metrics_1 = require('@opentelemetry/sdk-metrics');
    var parse_1 = require_parse();
    var resolve_1 = require_resolve();
    var diag_logger_1 = require_diag_logger();
    var metrics_endpoint_1 = require_metrics_endpoint();
    var readers_1 = require_readers();
    var local_registry_1 = require_local_registry();
    var provider_1 = require_provider();
    var file_1 = require_file();
    var reloader_1 = require_reloader();
    var resource_1 = require_resource();
    var runtime_metrics_1 = require_runtime_metrics();
    var export_stats_1 = require_export_stats();
    var self_metrics_1 = require_self_metrics();
    var server_1 = require_server();
    var timeout_1 = require_timeout();
    var LOG_LEVELS = ['none', 'error', 'warn', 'info', 'debug', 'verbose', 'all'];
    function createReloader(config, path) {
      const counts = { applied: 0, rejected: 0, unchanged: 0 };
      const reloader = new reloader_1.Reloader(
        path,
        () => (0, file_1.readSettingsFile)(path),
        (result, trigger) => {
          counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
          (0, reloader_1.logReload)(path, result, trigger);
        },
        (key) => config[key],
      );
      reloader.add({
        section: 'logLevel',
        check: (value) => {
          const level = (0, parse_1.parseEnum)(`logLevel in ${path}`, String(value), LOG_LEVELS);
          return () => (0, diag_logger_1.setDiagLogLevel)(level);
        },
      });
      return { reloader, counts: () => counts };
    }
    var active;
    function startTelemetry(options = {}) {
      const { config, warnings } = (0, resolve_1.resolveConfig)(options);
      if (active !== void 0) {
        api_1.diag.warn(
          'otelkit: startTelemetry() called while telemetry is running; returning the running instance',
        );
        return active;
      }
      (0, diag_logger_1.setDiagLogLevel)(config.logLevel);
      for (const warning of warnings) api_1.diag.warn(`otelkit: ${warning}`);
      const exportStats = new export_stats_1.ExportStats();
      if (config.disabled) {
        api_1.diag.debug('otelkit: OTEL_SDK_DISABLED=true, telemetry is off');
        return disabledTelemetry(config, exportStats);
      }
      const resource = (0, resource_1.buildResource)(config);
      const local = new local_registry_1.LocalInstrumentRegistry();
      const readers = (0, readers_1.createReaders)(config, exportStats, local);
      const sdk = new sdk_metrics_1.MeterProvider({
        resource,
        readers: readers.all,
        // The SDK's own per-instrument limit, one above the guard's so the overflow series fits.
        views: [{ instrumentName: '*', aggregationCardinalityLimit: config.cardinalityLimit + 1 }],
      });
      const provider = new provider_1.GuardedMeterProvider(sdk, config.cardinalityLimit, local);
      if (!api_1.metrics.setGlobalMeterProvider(provider)) {
        api_1.diag.warn(
          'otelkit: another global MeterProvider was already registered; otelkit metrics use their own',
        );
      }
      const reloader = config.configFile === void 0 ? void 0 : createReloader(config, config.configFile);
      const unregisterSelf = (0, self_metrics_1.registerSelfMetrics)(sdk.getMeter('@otelkit/core'), {
        exportStats,
        guards: () => provider.guards(),
        cardinalityLimit: config.cardinalityLimit,
        reloads: reloader?.counts,
      });
      if (reloader !== void 0) {
        setImmediate(() => {
          reloader.reloader.reload('start');
          reloader.reloader.watch();
        }).unref();
      }
      const runtime = config.runtimeMetrics
        ? (0, runtime_metrics_1.startRuntimeMetrics)(provider.getMeter('@otelkit/core/runtime'), {
            naming: config.runtimeMetricsNaming,
          })
        : void 0;
      const collector =
        readers.prometheus === void 0 ? void 0 : new metrics_endpoint_1.PullCollector(readers.prometheus);
      const server = config.server
        ? (0, server_1.createObservabilityServer)({
            host: config.host,
            port: config.port,
            requestTimeoutMs: config.requestTimeoutMs,
            auth: config.auth,
            tls: config.tls,
          })
        : void 0;
      if (server !== void 0 && collector !== void 0)
        (0, metrics_endpoint_1.mountMetricsRoutes)(server, collector);
      const ready =
        server === void 0
          ? Promise.resolve(void 0)
          : server.listen().then(
              (address) => {
                api_1.diag.debug(`otelkit: observability server listening on ${address.url}`);
                return address;
              },
              (error) => {
                api_1.diag.warn(
                  `otelkit: observability server not started: ${error.message}; the app runs on without it`,
                );
                return void 0;
              },
            );
      const hooks = [];
      let stopping;
      const telemetry = {
        config,
        resource,
        meterProvider: provider,
        server,
        ready,
        exportStats,
        getMeter: (name, version) => provider.getMeter(name, version),
        collect: () => (collector === void 0 ? Promise.resolve(void 0) : collector.collect()),
        snapshot: () => (collector === void 0 ? Promise.resolve(void 0) : collector.snapshot()),
        addReloadTarget: (target) => reloader?.reloader.add(target),
        reload: () => reloader?.reloader.reload('call'),
        onShutdown: (hook) => {
          hooks.push(hook);
        },
        shutdown: () => {
          stopping ??= (async () => {
            const deadline = Date.now() + config.shutdownTimeoutMs;
            const left = () => Math.max(1, deadline - Date.now());
            for (const hook of hooks) {
              await (0, timeout_1.withTimeout)(Promise.resolve().then(hook), left(), 'shutdown hook').catch(
                (error) => api_1.diag.warn(`otelkit: shutdown hook failed: ${String(error)}`),
              );
            }
            runtime?.stop();
            reloader?.reloader.stop();
            unregisterSelf();
            await (0, timeout_1.withTimeout)(
              sdk.shutdown({ timeoutMillis: left() }),
              left(),
              'metrics flush',
            ).catch((error) => api_1.diag.warn(`otelkit: metrics flush failed: ${String(error)}`));
            await server?.close();
            if (api_1.metrics.getMeterProvider() === provider) api_1.metrics.disable();
            if (active === telemetry) active = void 0;
          })();
          return stopping;
        },
      };
      active = telemetry;
      return telemetry;
    }
    function disabledTelemetry(config, exportStats) {
      const provider = new provider_1.GuardedMeterProvider(
        api_1.metrics.getMeterProvider(),
        config.cardinalityLimit,
      );
      return {
        config,
        resource: void 0,
        meterProvider: void 0,
        server: void 0,
        ready: Promise.resolve(void 0),
        exportStats,
        getMeter: (name, version) => provider.getMeter(name, version),
        collect: () => Promise.resolve(void 0),
        snapshot: () => Promise.resolve(void 0),
        addReloadTarget: () => {},
        reload: () => void 0,
        onShutdown: () => {},
        shutdown: () => Promise.resolve(),
      };
    }
  },
});

// packages/core/dist/index.js
var require_dist = __commonJS({
  'packages/core/dist/index.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.SERVER_DEFAULTS =
      exports2.ExportStats =
      exports2.startRuntimeMetrics =
      exports2.RUNTIME_METRICS_DEFAULTS =
      exports2.PROM_CLIENT_GC_DURATION_BUCKETS =
      exports2.OTEL_GC_DURATION_BUCKETS =
      exports2.INVALID_RUNTIME_METRICS_OPTION =
      exports2.RUNTIME_PROMETHEUS_NAMES =
      exports2.RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES =
      exports2.buildResource =
      exports2.Reloader =
      exports2.logReload =
      exports2.readSettingsFile =
      exports2.PROMETHEUS_CONTENT_TYPE =
      exports2.OPENMETRICS_CONTENT_TYPE =
      exports2.negotiateFormat =
      exports2.contentTypeFor =
      exports2.createOperationMonitor =
      exports2.errorType =
      exports2.asOtelkitMeter =
      exports2.GuardedMeterProvider =
      exports2.LocalInstrumentRegistry =
      exports2.DEFAULT_BOUNDARIES =
      exports2.OVERFLOW_ATTRIBUTES =
      exports2.SECONDS_BUCKETS =
      exports2.toPrometheusMetricName =
      exports2.toPrometheusLabelName =
      exports2.toJsonSnapshot =
      exports2.serializeMetrics =
      exports2.histogramQuantile =
      exports2.LocalMetricProducer =
      exports2.exemplars =
      exports2.ExemplarStore =
      exports2.OtelkitError =
      exports2.isOtelkitError =
      exports2.setDiagLogLevel =
      exports2.signalUrl =
      exports2.resolveConfig =
      exports2.DEFAULTS =
      exports2.PRESETS =
      exports2.PRESET_NAMES =
      exports2.parseUrl =
      exports2.parseKeyValueList =
      exports2.parseInteger =
      exports2.parseEnumList =
      exports2.parseEnum =
      exports2.parseBoolean =
      exports2.invalid =
      exports2.INVALID_CONFIG =
      exports2.checkInteger =
        void 0;
    exports2.VERSION =
      exports2.withTimeout =
      exports2.startTelemetry =
      exports2.createObservabilityServer =
        void 0;
    var parse_1 = require_parse();
    Object.defineProperty(exports2, 'checkInteger', { enumerable: true, get: () => parse_1.checkInteger });
    Object.defineProperty(exports2, 'INVALID_CONFIG', {
      enumerable: true,
      get: () => parse_1.INVALID_CONFIG,
    });
    Object.defineProperty(exports2, 'invalid', { enumerable: true, get: () => parse_1.invalid });
    Object.defineProperty(exports2, 'parseBoolean', { enumerable: true, get: () => parse_1.parseBoolean });
    Object.defineProperty(exports2, 'parseEnum', { enumerable: true, get: () => parse_1.parseEnum });
    Object.defineProperty(exports2, 'parseEnumList', { enumerable: true, get: () => parse_1.parseEnumList });
    Object.defineProperty(exports2, 'parseInteger', { enumerable: true, get: () => parse_1.parseInteger });
    Object.defineProperty(exports2, 'parseKeyValueList', {
      enumerable: true,
      get: () => parse_1.parseKeyValueList,
    });
    Object.defineProperty(exports2, 'parseUrl', { enumerable: true, get: () => parse_1.parseUrl });
    var presets_1 = require_presets();
    Object.defineProperty(exports2, 'PRESET_NAMES', { enumerable: true, get: () => presets_1.PRESET_NAMES });
    Object.defineProperty(exports2, 'PRESETS', { enumerable: true, get: () => presets_1.PRESETS });
    var resolve_1 = require_resolve();
    Object.defineProperty(exports2, 'DEFAULTS', { enumerable: true, get: () => resolve_1.DEFAULTS });
    Object.defineProperty(exports2, 'resolveConfig', {
      enumerable: true,
      get: () => resolve_1.resolveConfig,
    });
    Object.defineProperty(exports2, 'signalUrl', { enumerable: true, get: () => resolve_1.signalUrl });
    var diag_logger_1 = require_diag_logger();
    Object.defineProperty(exports2, 'setDiagLogLevel', {
      enumerable: true,
      get: () => diag_logger_1.setDiagLogLevel,
    });
    var errors_1 = require_errors();
    Object.defineProperty(exports2, 'isOtelkitError', {
      enumerable: true,
      get: () => errors_1.isOtelkitError,
    });
    Object.defineProperty(exports2, 'OtelkitError', { enumerable: true, get: () => errors_1.OtelkitError });
    var store_1 = require_store();
    Object.defineProperty(exports2, 'ExemplarStore', { enumerable: true, get: () => store_1.ExemplarStore });
    Object.defineProperty(exports2, 'exemplars', { enumerable: true, get: () => store_1.exemplars });
    var local_producer_1 = require_local_producer();
    Object.defineProperty(exports2, 'LocalMetricProducer', {
      enumerable: true,
      get: () => local_producer_1.LocalMetricProducer,
    });
    var exposition_1 = require_exposition();
    Object.defineProperty(exports2, 'histogramQuantile', {
      enumerable: true,
      get: () => exposition_1.histogramQuantile,
    });
    Object.defineProperty(exports2, 'serializeMetrics', {
      enumerable: true,
      get: () => exposition_1.serializeMetrics,
    });
    Object.defineProperty(exports2, 'toJsonSnapshot', {
      enumerable: true,
      get: () => exposition_1.toJsonSnapshot,
    });
    Object.defineProperty(exports2, 'toPrometheusLabelName', {
      enumerable: true,
      get: () => exposition_1.toPrometheusLabelName,
    });
    Object.defineProperty(exports2, 'toPrometheusMetricName', {
      enumerable: true,
      get: () => exposition_1.toPrometheusMetricName,
    });
    var buckets_1 = require_buckets();
    Object.defineProperty(exports2, 'SECONDS_BUCKETS', {
      enumerable: true,
      get: () => buckets_1.SECONDS_BUCKETS,
    });
    var guard_1 = require_guard();
    Object.defineProperty(exports2, 'OVERFLOW_ATTRIBUTES', {
      enumerable: true,
      get: () => guard_1.OVERFLOW_ATTRIBUTES,
    });
    var local_histogram_1 = require_local_histogram();
    Object.defineProperty(exports2, 'DEFAULT_BOUNDARIES', {
      enumerable: true,
      get: () => local_histogram_1.DEFAULT_BOUNDARIES,
    });
    var local_registry_1 = require_local_registry();
    Object.defineProperty(exports2, 'LocalInstrumentRegistry', {
      enumerable: true,
      get: () => local_registry_1.LocalInstrumentRegistry,
    });
    var provider_1 = require_provider();
    Object.defineProperty(exports2, 'GuardedMeterProvider', {
      enumerable: true,
      get: () => provider_1.GuardedMeterProvider,
    });
    var wrap_1 = require_wrap();
    Object.defineProperty(exports2, 'asOtelkitMeter', { enumerable: true, get: () => wrap_1.asOtelkitMeter });
    var error_type_1 = require_error_type();
    Object.defineProperty(exports2, 'errorType', { enumerable: true, get: () => error_type_1.errorType });
    var monitor_1 = require_monitor();
    Object.defineProperty(exports2, 'createOperationMonitor', {
      enumerable: true,
      get: () => monitor_1.createOperationMonitor,
    });
    var content_type_1 = require_content_type();
    Object.defineProperty(exports2, 'contentTypeFor', {
      enumerable: true,
      get: () => content_type_1.contentTypeFor,
    });
    Object.defineProperty(exports2, 'negotiateFormat', {
      enumerable: true,
      get: () => content_type_1.negotiateFormat,
    });
    Object.defineProperty(exports2, 'OPENMETRICS_CONTENT_TYPE', {
      enumerable: true,
      get: () => content_type_1.OPENMETRICS_CONTENT_TYPE,
    });
    Object.defineProperty(exports2, 'PROMETHEUS_CONTENT_TYPE', {
      enumerable: true,
      get: () => content_type_1.PROMETHEUS_CONTENT_TYPE,
    });
    var file_1 = require_file();
    Object.defineProperty(exports2, 'readSettingsFile', {
      enumerable: true,
      get: () => file_1.readSettingsFile,
    });
    var reloader_1 = require_reloader();
    Object.defineProperty(exports2, 'logReload', { enumerable: true, get: () => reloader_1.logReload });
    Object.defineProperty(exports2, 'Reloader', { enumerable: true, get: () => reloader_1.Reloader });
    var resource_1 = require_resource();
    Object.defineProperty(exports2, 'buildResource', {
      enumerable: true,
      get: () => resource_1.buildResource,
    });
    var names_1 = require_names();
    Object.defineProperty(exports2, 'RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES', {
      enumerable: true,
      get: () => names_1.RUNTIME_LINUX_ONLY_PROMETHEUS_NAMES,
    });
    Object.defineProperty(exports2, 'RUNTIME_PROMETHEUS_NAMES', {
      enumerable: true,
      get: () => names_1.RUNTIME_PROMETHEUS_NAMES,
    });
    var options_1 = require_options();
    Object.defineProperty(exports2, 'INVALID_RUNTIME_METRICS_OPTION', {
      enumerable: true,
      get: () => options_1.INVALID_RUNTIME_METRICS_OPTION,
    });
    Object.defineProperty(exports2, 'OTEL_GC_DURATION_BUCKETS', {
      enumerable: true,
      get: () => options_1.OTEL_GC_DURATION_BUCKETS,
    });
    Object.defineProperty(exports2, 'PROM_CLIENT_GC_DURATION_BUCKETS', {
      enumerable: true,
      get: () => options_1.PROM_CLIENT_GC_DURATION_BUCKETS,
    });
    Object.defineProperty(exports2, 'RUNTIME_METRICS_DEFAULTS', {
      enumerable: true,
      get: () => options_1.RUNTIME_METRICS_DEFAULTS,
    });
    var runtime_metrics_1 = require_runtime_metrics();
    Object.defineProperty(exports2, 'startRuntimeMetrics', {
      enumerable: true,
      get: () => runtime_metrics_1.startRuntimeMetrics,
    });
    var export_stats_1 = require_export_stats();
    Object.defineProperty(exports2, 'ExportStats', {
      enumerable: true,
      get: () => export_stats_1.ExportStats,
    });
    var options_2 = require_options2();
    Object.defineProperty(exports2, 'SERVER_DEFAULTS', {
      enumerable: true,
      get: () => options_2.SERVER_DEFAULTS,
    });
    var server_1 = require_server();
    Object.defineProperty(exports2, 'createObservabilityServer', {
      enumerable: true,
      get: () => server_1.createObservabilityServer,
    });
    var telemetry_1 = require_telemetry();
    Object.defineProperty(exports2, 'startTelemetry', {
      enumerable: true,
      get: () => telemetry_1.startTelemetry,
    });
    var timeout_1 = require_timeout();
    Object.defineProperty(exports2, 'withTimeout', { enumerable: true, get: () => timeout_1.withTimeout });
    var version_1 = require_version();
    Object.defineProperty(exports2, 'VERSION', { enumerable: true, get: () => version_1.VERSION });
  },
});

// packages/health/dist/check/outcome.js
var require_outcome = __commonJS({
  'packages/health/dist/check/outcome.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.oneLine = oneLine;
    exports2.errorOutput = errorOutput;
    exports2.normalizeResult = normalizeResult;
    exports2.statusValue = statusValue;
    exports2.aggregate = aggregate;
    var MAX_OUTPUT = 300;
    var STATUSES = /* @__PURE__ */ new Set(['pass', 'warn', 'fail']);
    function oneLine(text) {
      const first = text.split(/\r?\n/, 1)[0] ?? '';
      return first.length > MAX_OUTPUT ? `${first.slice(0, MAX_OUTPUT)}\u2026` : first;
    }
    function errorOutput(error) {
      if (error instanceof Error) return oneLine(error.message || error.name);
      return oneLine(String(error));
    }
    function normalizeResult(value) {
      if (value === true) return { status: 'pass' };
      if (value === false) return { status: 'fail', output: 'check returned false' };
      if (value === null || typeof value !== 'object') {
        return { status: 'fail', output: `check returned ${typeof value} instead of a result` };
      }
      const raw = value;
      const status = raw.status;
      if (typeof status !== 'string' || !STATUSES.has(status)) {
        return { status: 'fail', output: `check returned an invalid status: ${oneLine(String(status))}` };
      }
      const observed = raw.observedValue;
      return {
        status,
        ...(typeof observed === 'string' || typeof observed === 'number' || typeof observed === 'boolean'
          ? { observedValue: typeof observed === 'string' ? oneLine(observed) : observed }
          : {}),
        ...(typeof raw.observedUnit === 'string' ? { observedUnit: oneLine(raw.observedUnit) } : {}),
        ...(typeof raw.output === 'string' && raw.output !== '' ? { output: oneLine(raw.output) } : {}),
      };
    }
    function statusValue(status) {
      return status === 'pass' ? 1 : status === 'warn' ? 0.5 : 0;
    }
    function aggregate(results) {
      let overall = 'pass';
      for (const { status, critical } of results) {
        if (status === 'fail' && critical) return 'fail';
        if (status !== 'pass') overall = 'warn';
      }
      return overall;
    }
  },
});

// packages/health/dist/check/registered-check.js
var require_registered_check = __commonJS({
  'packages/health/dist/check/registered-check.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RegisteredCheck = void 0;
    var outcome_1 = require_outcome();
    var RegisteredCheck = class {
      settings;
      fn;
      onRun;
      last;
      inFlight;
      hung;
      constructor(settings, fn, onRun) {
        this.settings = settings;
        this.fn = fn;
        this.onRun = onRun;
      }
      /** The latest finished outcome, if any. */
      latest() {
        return this.last;
      }
      /**
       * The cached outcome if still fresh, else a new run. With `fresh`, skips the cache (an operator's
       * "run now"); a run already in flight is still shared. Never rejects.
       */
      run(fresh = false) {
        const last = this.last;
        if (!fresh && last !== void 0 && Date.now() - last.time < this.settings.cacheMs) {
          return Promise.resolve(last);
        }
        this.inFlight ??= this.execute().then((outcome) => {
          this.inFlight = void 0;
          this.last = outcome;
          try {
            this.onRun(outcome);
          } catch {}
          return outcome;
        });
        return this.inFlight;
      }
      async execute() {
        const started = performance.now();
        const result = this.hung !== void 0 ? this.stillHung() : await this.invoke();
        return {
          ...result,
          name: this.settings.name,
          kind: this.settings.kind,
          critical: this.settings.critical,
          componentType: this.settings.componentType,
          time: Date.now(),
          durationSeconds: (performance.now() - started) / 1e3,
        };
      }
      stillHung() {
        return {
          status: 'fail',
          output: `previous run still pending after timing out (${this.settings.timeoutMs} ms)`,
        };
      }
      invoke() {
        let pending;
        try {
          pending = Promise.resolve(this.fn());
        } catch (error) {
          return Promise.resolve({ status: 'fail', output: (0, outcome_1.errorOutput)(error) });
        }
        const settled = pending.then(outcome_1.normalizeResult, (error) => ({
          status: 'fail',
          output: (0, outcome_1.errorOutput)(error),
        }));
        const { timeoutMs } = this.settings;
        return new Promise((resolve) => {
          const timer = setTimeout(() => {
            const hung = settled.finally(() => {
              if (this.hung === hung) this.hung = void 0;
            });
            this.hung = hung;
            resolve({ status: 'fail', output: `timed out after ${timeoutMs} ms` });
          }, timeoutMs);
          timer.unref?.();
          settled.then((result) => {
            clearTimeout(timer);
            resolve(result);
          });
        });
      }
    };
    exports2.RegisteredCheck = RegisteredCheck;
  },
});

// packages/health/dist/check/registry.js
var require_registry = __commonJS({
  'packages/health/dist/check/registry.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CheckRegistry = exports2.CHECK_DEFAULTS = void 0;
    var api_1 = require('@opentelemetry/api');
    var core_1 = require_dist();
    var registered_check_1 = require_registered_check();
    exports2.CHECK_DEFAULTS = {
      kind: 'readiness',
      critical: true,
      timeoutMs: 1e3,
      cacheMs: 1e3,
    };
    var KINDS = ['liveness', 'readiness', 'startup'];
    var NAME = /^[A-Za-z0-9_.\-:/]{1,128}$/;
    var MAX_MS = 2147483647;
    function checkMs(setting, value) {
      if (!Number.isInteger(value) || value < 0 || value > MAX_MS)
        (0, core_1.invalid)(setting, value, `an integer from 0 to ${MAX_MS}`);
      return value;
    }
    var CheckRegistry = class {
      onRun;
      checks = /* @__PURE__ */ new Map();
      startupDone = false;
      constructor(onRun) {
        this.onRun = onRun;
      }
      /** Adds (or replaces) a check; throws `OTELKIT_ERR_INVALID_CONFIG` for a bad name or option. */
      register(name, fn, options = {}) {
        if (typeof name !== 'string' || !NAME.test(name)) {
          (0, core_1.invalid)('registerCheck name', name, '1-128 characters of A-Z a-z 0-9 _ . - : /');
        }
        if (typeof fn !== 'function')
          (0, core_1.invalid)(`registerCheck ${name} fn`, typeof fn, 'a function');
        const opts = { ...exports2.CHECK_DEFAULTS, ...options };
        if (!KINDS.includes(opts.kind))
          (0, core_1.invalid)(`registerCheck ${name} kind`, opts.kind, KINDS.join(', '));
        const check = new registered_check_1.RegisteredCheck(
          {
            name,
            kind: opts.kind,
            critical: opts.critical !== false,
            timeoutMs: Math.max(1, checkMs(`registerCheck ${name} timeoutMs`, opts.timeoutMs)),
            cacheMs: checkMs(`registerCheck ${name} cacheMs`, opts.cacheMs),
            componentType: opts.componentType,
          },
          fn,
          this.onRun,
        );
        if (this.checks.has(name))
          api_1.diag.warn(`otelkit health: check ${name} registered again; replacing it`);
        this.checks.set(name, check);
        if (opts.kind === 'startup') this.startupDone = false;
        return check;
      }
      /** Removes a check; returns whether it was registered. */
      unregister(check) {
        if (this.checks.get(check.settings.name) !== check) return false;
        return this.checks.delete(check.settings.name);
      }
      /** The check registered under `name`, if any. */
      get(name) {
        return this.checks.get(name);
      }
      /** Every check, in registration order. */
      all() {
        return [...this.checks.values()];
      }
      /** Whether every start-up check has passed once (true when there are none). */
      startupPassed() {
        return this.startupDone || this.all().every((c) => c.settings.kind !== 'startup');
      }
      /** Runs the checks of the given kinds concurrently (start-up ones only until they have passed). */
      async run(kinds) {
        const selected = this.all().filter((c) => kinds.includes(c.settings.kind));
        const outcomes = await Promise.all(
          selected.map((c) => {
            const latched = c.settings.kind === 'startup' && this.startupDone ? c.latest() : void 0;
            return latched === void 0 ? c.run() : Promise.resolve(latched);
          }),
        );
        if (!this.startupDone && kinds.includes('startup')) {
          const startup = outcomes.filter((o) => o.kind === 'startup');
          if (startup.every((o) => o.status !== 'fail')) this.startupDone = true;
        }
        return outcomes;
      }
    };
    exports2.CheckRegistry = CheckRegistry;
  },
});

// packages/health/dist/checks/reconfigurable.js
var require_reconfigurable = __commonJS({
  'packages/health/dist/checks/reconfigurable.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.reconfigurable = reconfigurable;
    exports2.isReconfigurable = isReconfigurable;
    function reconfigurable(options, resolve, run) {
      let given = options;
      let resolved = resolve(options);
      const fn = run(() => resolved);
      return Object.assign(fn, {
        prepareReconfigure(changes) {
          const next = { ...given, ...changes };
          const nextResolved = resolve(next);
          return () => {
            given = next;
            resolved = nextResolved;
          };
        },
      });
    }
    function isReconfigurable(fn) {
      return typeof fn === 'function' && typeof fn.prepareReconfigure === 'function';
    }
  },
});

// packages/health/dist/checks/thresholds.js
var require_thresholds = __commonJS({
  'packages/health/dist/checks/thresholds.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.rateHigh = rateHigh;
    exports2.rateLow = rateLow;
    exports2.threshold = threshold;
    exports2.ratio = ratio;
    exports2.roundMs = roundMs;
    var core_1 = require_dist();
    function rateHigh(value, warn, fail) {
      if (fail !== void 0 && value >= fail) return 'fail';
      if (warn !== void 0 && value >= warn) return 'warn';
      return 'pass';
    }
    function rateLow(value, warn, fail) {
      if (fail !== void 0 && value < fail) return 'fail';
      if (warn !== void 0 && value < warn) return 'warn';
      return 'pass';
    }
    function threshold(setting, value) {
      if (value === void 0) return void 0;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        (0, core_1.invalid)(setting, value, 'a finite number >= 0');
      }
      return value;
    }
    function ratio(setting, value) {
      if (value === void 0) return void 0;
      if (typeof value !== 'number' || !(value >= 0 && value <= 1))
        (0, core_1.invalid)(setting, value, 'a number from 0 to 1');
      return value;
    }
    function roundMs(ms) {
      return Math.round(ms * 10) / 10;
    }
  },
});

// packages/health/dist/checks/disk.js
var require_disk = __commonJS({
  'packages/health/dist/checks/disk.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.diskSpaceCheck = diskSpaceCheck;
    var promises_1 = require('node:fs/promises');
    var core_1 = require_dist();
    var reconfigurable_1 = require_reconfigurable();
    var thresholds_1 = require_thresholds();
    function diskSpaceCheck(options) {
      const path = options?.path;
      if (typeof path !== 'string' || path === '')
        (0, core_1.invalid)('diskSpaceCheck path', path, 'a file system path');
      const resolve = (o) => {
        const byBytes = o.warnBytes !== void 0 || o.failBytes !== void 0;
        return {
          warnBytes: (0, thresholds_1.threshold)('diskSpaceCheck warnBytes', o.warnBytes),
          failBytes: (0, thresholds_1.threshold)('diskSpaceCheck failBytes', o.failBytes),
          warnRatio: (0, thresholds_1.ratio)(
            'diskSpaceCheck warnRatio',
            o.warnRatio ?? (byBytes ? void 0 : 0.1),
          ),
          failRatio: (0, thresholds_1.ratio)(
            'diskSpaceCheck failRatio',
            o.failRatio ?? (byBytes ? void 0 : 0.05),
          ),
        };
      };
      return (0, reconfigurable_1.reconfigurable)(options, resolve, (current) => async () => {
        const { warnBytes, failBytes, warnRatio, failRatio } = current();
        const stats = await (0, promises_1.statfs)(path);
        const free = stats.bavail * stats.bsize;
        const total = stats.blocks * stats.bsize;
        const freeRatio = total > 0 ? stats.bavail / stats.blocks : 0;
        const byteStatus = (0, thresholds_1.rateLow)(free, warnBytes, failBytes);
        const ratioStatus = (0, thresholds_1.rateLow)(freeRatio, warnRatio, failRatio);
        const status =
          byteStatus === 'fail' || ratioStatus === 'fail'
            ? 'fail'
            : byteStatus === 'warn' || ratioStatus === 'warn'
              ? 'warn'
              : 'pass';
        const mib = Math.round(free / 1048576);
        return {
          status,
          observedValue: free,
          observedUnit: 'bytes',
          ...(status === 'pass'
            ? {}
            : { output: `${mib} MiB (${Math.round(freeRatio * 1e3) / 10} %) free on ${path}` }),
        };
      });
    }
  },
});

// packages/health/dist/checks/dns.js
var require_dns = __commonJS({
  'packages/health/dist/checks/dns.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.dnsCheck = dnsCheck;
    var promises_1 = require('node:dns/promises');
    var core_1 = require_dist();
    var thresholds_1 = require_thresholds();
    function dnsCheck(options) {
      const hostname = options?.hostname;
      if (typeof hostname !== 'string' || hostname === '')
        (0, core_1.invalid)('dnsCheck hostname', hostname, 'a host name');
      const warnLatencyMs = (0, thresholds_1.threshold)('dnsCheck warnLatencyMs', options.warnLatencyMs);
      return async () => {
        const started = performance.now();
        try {
          const addresses = await (0, promises_1.lookup)(hostname, { all: true });
          const latency = (0, thresholds_1.roundMs)(performance.now() - started);
          if (addresses.length === 0) return { status: 'fail', output: `${hostname} has no address` };
          const slow = warnLatencyMs !== void 0 && latency >= warnLatencyMs;
          return {
            status: slow ? 'warn' : 'pass',
            observedValue: latency,
            observedUnit: 'ms',
            ...(slow ? { output: `resolving ${hostname} took ${latency} ms` } : {}),
          };
        } catch (error) {
          const code = error.code ?? String(error);
          return { status: 'fail', output: `cannot resolve ${hostname}: ${code}` };
        }
      };
    }
  },
});

// packages/health/dist/checks/event-loop.js
var require_event_loop2 = __commonJS({
  'packages/health/dist/checks/event-loop.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.eventLoopDelayCheck = eventLoopDelayCheck;
    var node_perf_hooks_1 = require('node:perf_hooks');
    var reconfigurable_1 = require_reconfigurable();
    var thresholds_1 = require_thresholds();
    var DEFAULTS = { warnMs: 100, failMs: 1e3, percentile: 99 };
    function eventLoopDelayCheck(options = {}) {
      const resolve = (given) => {
        const o = { ...DEFAULTS, ...given };
        return {
          percentile: o.percentile,
          warnMs: (0, thresholds_1.threshold)('eventLoopDelayCheck warnMs', o.warnMs),
          failMs: (0, thresholds_1.threshold)('eventLoopDelayCheck failMs', o.failMs),
        };
      };
      const histogram = (0, node_perf_hooks_1.monitorEventLoopDelay)({ resolution: 10 });
      histogram.enable();
      let last = 0;
      return (0, reconfigurable_1.reconfigurable)(options, resolve, (current) => () => {
        const o = current();
        const { warnMs, failMs } = o;
        if (histogram.count > 0) last = histogram.percentile(o.percentile) / 1e6;
        histogram.reset();
        const status = (0, thresholds_1.rateHigh)(last, warnMs, failMs);
        return {
          status,
          observedValue: (0, thresholds_1.roundMs)(last),
          observedUnit: 'ms',
          ...(status === 'pass'
            ? {}
            : { output: `event loop delay p${o.percentile} is ${(0, thresholds_1.roundMs)(last)} ms` }),
        };
      });
    }
  },
});

// packages/health/dist/checks/heap.js
var require_heap = __commonJS({
  'packages/health/dist/checks/heap.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.heapCheck = heapCheck;
    var node_v8_1 = require('node:v8');
    var reconfigurable_1 = require_reconfigurable();
    var thresholds_1 = require_thresholds();
    function heapCheck(options = {}) {
      const resolve = (o) => ({
        warn: (0, thresholds_1.ratio)('heapCheck warnRatio', o.warnRatio ?? 0.85),
        fail: (0, thresholds_1.ratio)('heapCheck failRatio', o.failRatio ?? 0.95),
      });
      return (0, reconfigurable_1.reconfigurable)(options, resolve, (current) => () => {
        const { warn, fail } = current();
        const heap = (0, node_v8_1.getHeapStatistics)();
        const used = heap.used_heap_size / heap.heap_size_limit;
        const status = (0, thresholds_1.rateHigh)(used, warn, fail);
        const percent = Math.round(used * 1e3) / 10;
        return {
          status,
          observedValue: percent,
          observedUnit: 'percent',
          ...(status === 'pass'
            ? {}
            : {
                output: `heap ${percent} % used (${Math.round(heap.used_heap_size / 1048576)} of ${Math.round(heap.heap_size_limit / 1048576)} MiB)`,
              }),
        };
      });
    }
  },
});

// packages/health/dist/checks/http.js
var require_http = __commonJS({
  'packages/health/dist/checks/http.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.httpCheck = httpCheck;
    var node_http_1 = require('node:http');
    var node_https_1 = require('node:https');
    var core_1 = require_dist();
    var reconfigurable_1 = require_reconfigurable();
    var thresholds_1 = require_thresholds();
    function httpCheck(options) {
      let url;
      try {
        url = new URL(options?.url);
      } catch {
        return (0, core_1.invalid)('httpCheck url', options?.url, 'an absolute http:// or https:// URL');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        (0, core_1.invalid)('httpCheck url', options.url, 'an absolute http:// or https:// URL');
      const resolveThresholds = (o) => ({
        timeoutMs: (0, thresholds_1.threshold)('httpCheck timeoutMs', o.timeoutMs) ?? 1e3,
        warnLatencyMs: (0, thresholds_1.threshold)('httpCheck warnLatencyMs', o.warnLatencyMs),
      });
      const request = url.protocol === 'https:' ? node_https_1.request : node_http_1.request;
      const target = `${url.origin}${url.pathname}`;
      return (0, reconfigurable_1.reconfigurable)(options, resolveThresholds, (current) => () => {
        const { timeoutMs, warnLatencyMs } = current();
        return new Promise((resolve) => {
          const started = performance.now();
          const req = request(
            url,
            { method: options.method ?? 'GET', headers: options.headers, agent: false, timeout: timeoutMs },
            (res) => {
              res.resume();
              const latency = (0, thresholds_1.roundMs)(performance.now() - started);
              const code = res.statusCode ?? 0;
              const observed = { observedValue: latency, observedUnit: 'ms' };
              if (code >= 500) resolve({ status: 'fail', ...observed, output: `${target} answered ${code}` });
              else if (warnLatencyMs !== void 0 && latency >= warnLatencyMs) {
                resolve({
                  status: 'warn',
                  ...observed,
                  output: `${target} took ${latency} ms (status ${code})`,
                });
              } else resolve({ status: 'pass', ...observed });
            },
          );
          req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
          req.on('error', (error) => {
            resolve({ status: 'fail', output: `${target} unreachable: ${error.code ?? error.message}` });
          });
          req.end();
        });
      });
    }
  },
});

// packages/health/dist/checks/last-success.js
var require_last_success = __commonJS({
  'packages/health/dist/checks/last-success.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.lastSuccessCheck = lastSuccessCheck;
    var core_1 = require_dist();
    var reconfigurable_1 = require_reconfigurable();
    var thresholds_1 = require_thresholds();
    function lastSuccessCheck(options) {
      const read =
        options?.snapshot ?? (options?.telemetry === void 0 ? void 0 : () => options.telemetry.snapshot());
      if (read === void 0)
        (0, core_1.invalid)(
          'lastSuccessCheck telemetry',
          void 0,
          'a telemetry handle or a snapshot function',
        );
      const { namespace, operation } = options;
      if (typeof namespace !== 'string' || namespace === '')
        (0, core_1.invalid)('lastSuccessCheck namespace', namespace, 'a namespace');
      if (typeof operation !== 'string' || operation === '')
        (0, core_1.invalid)('lastSuccessCheck operation', operation, 'an operation name');
      const resolve = (o) => {
        const failAfterMs = (0, thresholds_1.threshold)('lastSuccessCheck failAfterMs', o.failAfterMs);
        if (failAfterMs === void 0)
          (0, core_1.invalid)('lastSuccessCheck failAfterMs', void 0, 'a number of milliseconds');
        return {
          failAfterMs,
          warnAfterMs: (0, thresholds_1.threshold)('lastSuccessCheck warnAfterMs', o.warnAfterMs),
        };
      };
      const metric = `${namespace}.last_success.timestamp`;
      const createdAt = Date.now();
      return (0, reconfigurable_1.reconfigurable)(options, resolve, (current) => async () => {
        const { warnAfterMs, failAfterMs } = current();
        const snapshot = await read();
        const point = snapshot?.metrics
          .find((m) => m.name === metric)
          ?.points.find((p) => p.attributes.operation === operation && 'value' in p);
        const lastMs = point !== void 0 && 'value' in point ? point.value * 1e3 : void 0;
        const ageMs = Math.max(0, Date.now() - (lastMs ?? createdAt));
        const status = (0, thresholds_1.rateHigh)(ageMs, warnAfterMs, failAfterMs);
        const seconds = Math.round(ageMs / 100) / 10;
        const output =
          status === 'pass'
            ? void 0
            : lastMs === void 0
              ? `${operation}: no success in the ${seconds} s since start`
              : `${operation}: last success ${seconds} s ago`;
        return {
          status,
          observedValue: seconds,
          observedUnit: 's',
          ...(output === void 0 ? {} : { output }),
        };
      });
    }
  },
});

// packages/health/dist/checks/tcp.js
var require_tcp = __commonJS({
  'packages/health/dist/checks/tcp.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.tcpCheck = tcpCheck;
    var node_net_1 = require('node:net');
    var core_1 = require_dist();
    var thresholds_1 = require_thresholds();
    function tcpCheck(options) {
      const host = options?.host;
      if (typeof host !== 'string' || host === '')
        (0, core_1.invalid)('tcpCheck host', host, 'a host name or IP address');
      const port = options.port;
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        (0, core_1.invalid)('tcpCheck port', port, 'an integer from 1 to 65535');
      const timeoutMs = (0, thresholds_1.threshold)('tcpCheck timeoutMs', options.timeoutMs) ?? 1e3;
      const warnLatencyMs = (0, thresholds_1.threshold)('tcpCheck warnLatencyMs', options.warnLatencyMs);
      return () =>
        new Promise((resolve) => {
          const started = performance.now();
          const socket = (0, node_net_1.connect)({ host, port });
          socket.setTimeout(timeoutMs, () =>
            socket.destroy(new Error(`no connection within ${timeoutMs} ms`)),
          );
          socket.once('connect', () => {
            const latency = (0, thresholds_1.roundMs)(performance.now() - started);
            socket.destroy();
            const slow = warnLatencyMs !== void 0 && latency >= warnLatencyMs;
            resolve({
              status: slow ? 'warn' : 'pass',
              observedValue: latency,
              observedUnit: 'ms',
              ...(slow ? { output: `connecting to ${host}:${port} took ${latency} ms` } : {}),
            });
          });
          socket.once('error', (error) => {
            resolve({
              status: 'fail',
              output: `${host}:${port} unreachable: ${error.code ?? error.message}`,
            });
          });
        });
    }
  },
});

// packages/health/dist/lifecycle/lifecycle.js
var require_lifecycle = __commonJS({
  'packages/health/dist/lifecycle/lifecycle.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.Lifecycle = void 0;
    var Lifecycle = class {
      current = { phase: 'starting' };
      get state() {
        return this.current;
      }
      /** `starting` → `ready`; ignored in any other phase. */
      markReady() {
        if (this.current.phase === 'starting') this.current = { phase: 'ready', since: Date.now() };
      }
      /** → `draining`; returns false when already draining. */
      drain(reason) {
        if (this.current.phase === 'draining') return false;
        this.current = { phase: 'draining', since: Date.now(), reason };
        return true;
      }
    };
    exports2.Lifecycle = Lifecycle;
  },
});

// packages/health/dist/lifecycle/drain.js
var require_drain = __commonJS({
  'packages/health/dist/lifecycle/drain.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.drainServer = drainServer;
    var IDLE_SWEEP_MS = 50;
    function drainServer(server, deadlineMs) {
      if (!server.listening) return Promise.resolve(true);
      return new Promise((resolve) => {
        let drained = true;
        const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
        const cutOff = setTimeout(() => {
          drained = false;
          server.closeAllConnections();
        }, deadlineMs);
        server.close(() => {
          clearInterval(sweep);
          clearTimeout(cutOff);
          resolve(drained);
        });
        server.closeIdleConnections();
      });
    }
  },
});

// packages/health/dist/lifecycle/shutdown.js
var require_shutdown = __commonJS({
  'packages/health/dist/lifecycle/shutdown.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.runShutdown = runShutdown;
    var api_1 = require('@opentelemetry/api');
    var core_1 = require_dist();
    var outcome_1 = require_outcome();
    var drain_1 = require_drain();
    function sleep(ms) {
      return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
    }
    async function runHooks(hooks) {
      for (const hook of hooks) await hook();
    }
    async function runShutdown(plan, reason) {
      plan.lifecycle.drain(reason);
      api_1.diag.info(`otelkit health: shutting down (${reason}); readiness now fails`);
      const failures = [];
      const step = async (name, work, deadlineMs) => {
        try {
          await (0, core_1.withTimeout)(Promise.resolve().then(work), deadlineMs, name);
        } catch (error) {
          const line = `${name}: ${(0, outcome_1.errorOutput)(error)}`;
          api_1.diag.warn(`otelkit health: shutdown step failed: ${line}`);
          failures.push(line);
        }
      };
      await sleep(plan.delayMs);
      await step('beforeShutdown', () => runHooks(plan.hooks()), plan.timeoutMs);
      await step(
        'http drain',
        async () => {
          const drained = await Promise.all(
            plan.servers().map((s) => (0, drain_1.drainServer)(s, plan.timeoutMs)),
          );
          const cut = drained.filter((d) => !d).length;
          if (cut > 0)
            throw new Error(`${cut} server(s) still had requests in flight after ${plan.timeoutMs} ms`);
        },
        plan.timeoutMs + 1e3,
      );
      await step('telemetry flush', plan.flush, plan.timeoutMs * 3);
      return { ok: failures.length === 0, failures };
    }
  },
});

// packages/health/dist/lifecycle/signals.js
var require_signals = __commonJS({
  'packages/health/dist/lifecycle/signals.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.SignalHandlers = exports2.SHUTDOWN_SIGNALS = void 0;
    var api_1 = require('@opentelemetry/api');
    exports2.SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'];
    var FORCED_EXIT = { SIGINT: 130, SIGTERM: 143 };
    var SignalHandlers = class {
      plan;
      installed = false;
      first;
      ownsExit = false;
      handlers = /* @__PURE__ */ new Map();
      constructor(plan) {
        this.plan = plan;
        for (const signal of exports2.SHUTDOWN_SIGNALS)
          this.handlers.set(signal, () => this.onSignal(signal));
      }
      install() {
        if (this.installed) return;
        this.installed = true;
        for (const [signal, handler] of this.handlers) process.on(signal, handler);
      }
      uninstall() {
        if (!this.installed) return;
        this.installed = false;
        for (const [signal, handler] of this.handlers) process.off(signal, handler);
      }
      onSignal(signal) {
        if (this.first !== void 0) {
          if (this.ownsExit) {
            api_1.diag.warn(`otelkit health: second signal (${signal}) during shutdown; exiting now`);
            this.plan.exit(FORCED_EXIT[signal]);
          }
          return;
        }
        this.first = signal;
        const appListens = process.listenerCount(signal) > 1;
        this.ownsExit = this.plan.exitOnSignal && !appListens;
        if (this.ownsExit) {
          const watchdog = setTimeout(() => {
            api_1.diag.error(
              `otelkit health: shutdown did not finish within ${this.plan.hardDeadlineMs} ms; exiting`,
            );
            this.plan.exit(1);
          }, this.plan.hardDeadlineMs);
          watchdog.unref();
        }
        void this.plan.shutdown(signal).then((result) => {
          if (this.ownsExit) this.plan.exit(result.ok ? 0 : 1);
        });
      }
    };
    exports2.SignalHandlers = SignalHandlers;
  },
});

// packages/health/dist/metrics/health-metrics.js
var require_health_metrics = __commonJS({
  'packages/health/dist/metrics/health-metrics.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.HealthMetrics = exports2.DURATION_METRIC = exports2.STATUS_METRIC = void 0;
    var outcome_1 = require_outcome();
    exports2.STATUS_METRIC = 'otelkit.health.status';
    exports2.DURATION_METRIC = 'otelkit.health.check.duration';
    var AttributeCache = class {
      map = /* @__PURE__ */ new Map();
      get(check, kind) {
        const key = `${check}\0${kind}`;
        let attributes = this.map.get(key);
        if (attributes === void 0) {
          attributes = Object.freeze({ check, kind });
          this.map.set(key, attributes);
        }
        return attributes;
      }
      delete(check, kind) {
        this.map.delete(`${check}\0${kind}`);
      }
    };
    var HealthMetrics = class {
      source;
      attributes = new AttributeCache();
      durations = /* @__PURE__ */ new Map();
      histogram;
      gauge;
      callback = (result) => {
        for (const outcome of this.source.latest()) {
          result.observe(
            (0, outcome_1.statusValue)(outcome.status),
            this.attributes.get(outcome.name, outcome.kind),
          );
        }
        for (const kind of ['liveness', 'readiness']) {
          result.observe(
            (0, outcome_1.statusValue)(this.source.overall(kind)),
            this.attributes.get('overall', kind),
          );
        }
      };
      constructor(meter, source) {
        this.source = source;
        this.gauge = meter.createObservableGauge(exports2.STATUS_METRIC, {
          description: 'Health check status: 1 pass, 0.5 warn, 0 fail; check="overall" for each probe.',
        });
        this.histogram = meter.createHistogram(exports2.DURATION_METRIC, {
          description: 'Duration of health check runs.',
          unit: 's',
        });
        this.gauge.addCallback(this.callback);
      }
      /** Records the duration of one run (bound histogram per check, bound on first use). */
      recordRun(outcome) {
        const key = `${outcome.name}\0${outcome.kind}`;
        let bound = this.durations.get(key);
        if (bound === void 0) {
          bound = this.histogram.bind(this.attributes.get(outcome.name, outcome.kind));
          this.durations.set(key, bound);
        }
        bound.record(outcome.durationSeconds);
      }
      /** Forgets a removed check. */
      forget(name, kind) {
        this.durations.delete(`${name}\0${kind}`);
        this.attributes.delete(name, kind);
      }
      /** Stops reporting the gauge. */
      stop() {
        this.gauge.removeCallback(this.callback);
      }
    };
    exports2.HealthMetrics = HealthMetrics;
  },
});

// packages/health/dist/operator/audit.js
var require_audit = __commonJS({
  'packages/health/dist/operator/audit.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.UNKNOWN_TARGET = exports2.OPERATOR_ACTIONS_METRIC = void 0;
    exports2.operatorAudit = operatorAudit;
    var api_1 = require('@opentelemetry/api');
    exports2.OPERATOR_ACTIONS_METRIC = 'otelkit.operator.actions';
    exports2.UNKNOWN_TARGET = '(unknown)';
    var MAX_LOGGED = 128;
    var audits = /* @__PURE__ */ new WeakMap();
    function quote(value) {
      return JSON.stringify(value.length > MAX_LOGGED ? `${value.slice(0, MAX_LOGGED)}\u2026` : value);
    }
    function createAudit(telemetry) {
      let counter;
      const bound = /* @__PURE__ */ new Map();
      const series = (action, target, outcome) => {
        const key = `${action}\0${target}\0${outcome}`;
        let found = bound.get(key);
        if (found === void 0) {
          counter ??= telemetry.getMeter('@otelkit/health').createCounter(exports2.OPERATOR_ACTIONS_METRIC, {
            description: 'Actions taken through the operator API (check runs, breaker isolate and reset)',
            unit: '{action}',
          });
          found = counter.bind({ action, target, outcome });
          bound.set(key, found);
        }
        return found;
      };
      return {
        record({ action, target, outcome, identity, detail }) {
          try {
            const who = identity ?? 'anonymous';
            api_1.diag.warn(
              `otelkit operator: ${who} ${action} ${quote(target)}: ${outcome}${detail === void 0 ? '' : ` (${detail})`}`,
            );
            series(action, outcome === 'success' ? target : exports2.UNKNOWN_TARGET, outcome).add(1);
          } catch (error) {
            api_1.diag.warn(`otelkit operator: could not audit ${action}: ${String(error)}`);
          }
        },
      };
    }
    function operatorAudit(telemetry) {
      let audit = audits.get(telemetry);
      if (audit === void 0) {
        audit = createAudit(telemetry);
        audits.set(telemetry, audit);
      }
      return audit;
    }
  },
});

// packages/health/dist/status/history.js
var require_history = __commonJS({
  'packages/health/dist/status/history.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.Ring = void 0;
    var Ring = class {
      capacity;
      items = [];
      next = 0;
      constructor(capacity) {
        this.capacity = capacity;
      }
      push(item) {
        if (this.items.length < this.capacity) this.items.push(item);
        else this.items[this.next] = item;
        this.next = (this.next + 1) % this.capacity;
      }
      /** Items oldest first. */
      toArray() {
        if (this.items.length < this.capacity) return [...this.items];
        return [...this.items.slice(this.next), ...this.items.slice(0, this.next)];
      }
      get size() {
        return this.items.length;
      }
    };
    exports2.Ring = Ring;
  },
});

// packages/health/dist/status/quantile.js
var require_quantile2 = __commonJS({
  'packages/health/dist/status/quantile.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.quantile = quantile;
    exports2.subtractBuckets = subtractBuckets;
    exports2.addBuckets = addBuckets;
    function quantile(q, buckets) {
      const { bounds, counts } = buckets;
      const total = counts[counts.length - 1] ?? 0;
      if (total <= 0) return void 0;
      const rank = q * total;
      for (let i = 0; i < counts.length; i++) {
        const count = counts[i];
        if (count < rank) continue;
        const upper = bounds[i];
        if (upper === Number.POSITIVE_INFINITY) return i > 0 ? bounds[i - 1] : void 0;
        const lower = i === 0 ? Math.min(0, upper) : bounds[i - 1];
        const below = i === 0 ? 0 : counts[i - 1];
        const inBucket = count - below;
        return inBucket <= 0 ? upper : lower + (upper - lower) * ((rank - below) / inBucket);
      }
      return void 0;
    }
    function subtractBuckets(current, previous) {
      if (previous === void 0 || previous.bounds.length !== current.bounds.length) return current;
      return {
        bounds: current.bounds,
        counts: current.counts.map((c, i) => Math.max(0, c - (previous.counts[i] ?? 0))),
      };
    }
    function addBuckets(a, b) {
      if (a === void 0) return b;
      if (a.bounds.length !== b.bounds.length)
        return a.counts[a.counts.length - 1] >= b.counts[b.counts.length - 1] ? a : b;
      return { bounds: a.bounds, counts: a.counts.map((c, i) => c + (b.counts[i] ?? 0)) };
    }
  },
});

// packages/health/dist/status/operations.js
var require_operations = __commonJS({
  'packages/health/dist/status/operations.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.readSnapshot = readSnapshot;
    var quantile_1 = require_quantile2();
    var MAX_OPERATIONS = 50;
    var BREAKER_METRIC = 'otelkit.circuit_breaker.state';
    var HTTP_SERVER_DURATION = 'http.server.request.duration';
    function toBuckets(point) {
      if (point.buckets === void 0) return void 0;
      return {
        bounds: point.buckets.map((b) => (b.le === '+Inf' ? Number.POSITIVE_INFINITY : b.le)),
        counts: point.buckets.map((b) => b.count),
      };
    }
    function readSnapshot(snapshot) {
      const operations = /* @__PURE__ */ new Map();
      const breakers = [];
      if (snapshot === void 0) return { operations, breakers };
      const entry = (namespace, operation) => {
        const key = `${namespace}\0${operation}`;
        let found = operations.get(key);
        if (found === void 0 && operations.size < MAX_OPERATIONS) {
          found = { namespace, operation, total: 0, errors: 0, buckets: void 0, counted: false };
          operations.set(key, found);
        }
        return found;
      };
      const ordered = [...snapshot.metrics].sort(
        (a, b) => Number(b.type === 'counter') - Number(a.type === 'counter'),
      );
      for (const metric of ordered) {
        if (metric.name === BREAKER_METRIC) {
          for (const p of metric.points) {
            const { name, state } = p.attributes;
            if ('value' in p && p.value === 1 && name !== void 0 && state !== void 0) {
              breakers.push({ name: String(name), state: String(state) });
            }
          }
        } else if (metric.type === 'counter' && metric.name.endsWith('.operations')) {
          const namespace = metric.name.slice(0, -'.operations'.length);
          for (const p of metric.points) {
            const op = p.attributes.operation;
            if (op === void 0 || !('value' in p)) continue;
            const e = entry(namespace, String(op));
            if (e === void 0) continue;
            e.counted = true;
            e.total += p.value;
            if (p.attributes.status === 'failure') e.errors += p.value;
          }
        } else if (
          metric.type === 'histogram' &&
          (metric.name.endsWith('.operation.duration') || metric.name === HTTP_SERVER_DURATION)
        ) {
          const http = metric.name === HTTP_SERVER_DURATION;
          const namespace = http ? 'http' : metric.name.slice(0, -'.operation.duration'.length);
          for (const p of metric.points) {
            if (!('count' in p)) continue;
            const a = p.attributes;
            const op = http
              ? `${String(a['http.request.method'] ?? '')} ${String(a['http.route'] ?? '')}`.trim()
              : a.operation;
            if (op === void 0) continue;
            const e = entry(namespace, String(op));
            if (e === void 0) continue;
            const buckets = toBuckets(p);
            if (buckets !== void 0) e.buckets = (0, quantile_1.addBuckets)(e.buckets, buckets);
            if (!e.counted) {
              e.total += p.count;
              const failed = http
                ? Number(a['http.response.status_code'] ?? 0) >= 500
                : a.status === 'failure';
              if (failed) e.errors += p.count;
            }
          }
        }
      }
      breakers.sort((a, b) => a.name.localeCompare(b.name));
      return { operations, breakers };
    }
  },
});

// packages/health/dist/status/runtime.js
var require_runtime = __commonJS({
  'packages/health/dist/status/runtime.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RuntimeSampler = void 0;
    var node_perf_hooks_1 = require('node:perf_hooks');
    var node_v8_1 = require('node:v8');
    var RuntimeSampler = class {
      delay = (0, node_perf_hooks_1.monitorEventLoopDelay)({ resolution: 10 });
      constructor() {
        this.delay.enable();
      }
      /** The current reading; `reset` starts a new delay window. */
      read(reset = false) {
        const heap = (0, node_v8_1.getHeapStatistics)();
        const sampled = this.delay.count > 0;
        const reading = {
          eventLoopDelayP99Ms: sampled ? this.delay.percentile(99) / 1e6 : void 0,
          eventLoopDelayMeanMs: sampled ? this.delay.mean / 1e6 : void 0,
          heapUsedBytes: heap.used_heap_size,
          heapLimitBytes: heap.heap_size_limit,
          rssBytes: process.memoryUsage.rss(),
        };
        if (reset) this.delay.reset();
        return reading;
      }
      stop() {
        this.delay.disable();
      }
    };
    exports2.RuntimeSampler = RuntimeSampler;
  },
});

// packages/health/dist/status/window.js
var require_window = __commonJS({
  'packages/health/dist/status/window.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.operationStats = operationStats;
    exports2.windowTotals = windowTotals;
    var quantile_1 = require_quantile2();
    function ms(seconds) {
      return seconds === void 0 ? void 0 : Math.round(seconds * 1e6) / 1e3;
    }
    function delta(current, previous) {
      const total = Math.max(0, current.total - (previous?.total ?? 0));
      const errors = Math.max(0, current.errors - (previous?.errors ?? 0));
      const buckets =
        current.buckets === void 0
          ? void 0
          : (0, quantile_1.subtractBuckets)(current.buckets, previous?.buckets);
      return { total, errors, buckets };
    }
    function operationStats(current, previous, seconds) {
      const out = [];
      for (const [key, op] of current.operations) {
        const d = delta(op, previous?.operations.get(key));
        const p = (q) => (d.buckets === void 0 ? void 0 : ms((0, quantile_1.quantile)(q, d.buckets)));
        const p50 = p(0.5);
        const p95 = p(0.95);
        const p99 = p(0.99);
        out.push({
          namespace: op.namespace,
          operation: op.operation,
          total: op.total,
          ratePerSecond: seconds > 0 ? d.total / seconds : 0,
          errorRatio: d.total > 0 ? d.errors / d.total : 0,
          ...(p50 === void 0 ? {} : { p50Ms: p50 }),
          ...(p95 === void 0 ? {} : { p95Ms: p95 }),
          ...(p99 === void 0 ? {} : { p99Ms: p99 }),
        });
      }
      return out.sort((a, b) => b.ratePerSecond - a.ratePerSecond || a.operation.localeCompare(b.operation));
    }
    function windowTotals(current, previous, seconds) {
      let total = 0;
      let errors = 0;
      let buckets;
      for (const [key, op] of current.operations) {
        const d = delta(op, previous?.operations.get(key));
        total += d.total;
        errors += d.errors;
        if (d.buckets !== void 0) buckets = (0, quantile_1.addBuckets)(buckets, d.buckets);
      }
      return {
        throughput: seconds > 0 ? total / seconds : 0,
        errorRatio: total > 0 ? errors / total : 0,
        p95Ms: buckets === void 0 ? void 0 : ms((0, quantile_1.quantile)(0.95, buckets)),
      };
    }
  },
});

// packages/health/dist/status/status-service.js
var require_status_service = __commonJS({
  'packages/health/dist/status/status-service.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.StatusService = void 0;
    exports2.toStatusCheck = toStatusCheck;
    var node_os_1 = require('node:os');
    var api_1 = require('@opentelemetry/api');
    var history_1 = require_history();
    var operations_1 = require_operations();
    var runtime_1 = require_runtime();
    var window_1 = require_window();
    var FIRST_SAMPLE_MS = 1e3;
    function toStatusCheck(c) {
      return {
        name: c.name,
        kind: c.kind,
        status: c.status,
        critical: c.critical,
        ...(c.output === void 0 ? {} : { output: c.output }),
        ...(c.observedValue === void 0 ? {} : { observedValue: c.observedValue }),
        ...(c.observedUnit === void 0 ? {} : { observedUnit: c.observedUnit }),
        durationMs: Math.round(c.durationSeconds * 1e6) / 1e3,
        time: new Date(c.time).toISOString(),
      };
    }
    var WINDOW_MS = 6e4;
    var StatusService = class {
      deps;
      runtime = new runtime_1.RuntimeSampler();
      history;
      raw;
      startedAt = Date.now() - Math.round(process.uptime() * 1e3);
      timer;
      first;
      constructor(deps) {
        this.deps = deps;
        this.history = new history_1.Ring(Math.max(1, deps.historySize));
        this.raw = new history_1.Ring(
          Math.max(2, Math.ceil(WINDOW_MS / Math.max(1, deps.sampleIntervalMs)) + 1),
        );
      }
      /**
       * Takes a first sample shortly after start (not during start-up: it runs the checks and a metric
       * collection) and then one every `sampleIntervalMs` (0 disables sampling).
       */
      start() {
        if (this.deps.sampleIntervalMs <= 0 || this.timer !== void 0) return;
        this.first = setTimeout(
          () => void this.sample(),
          Math.min(FIRST_SAMPLE_MS, this.deps.sampleIntervalMs),
        );
        this.first.unref();
        this.timer = setInterval(() => void this.sample(), this.deps.sampleIntervalMs);
        this.timer.unref();
      }
      stop() {
        if (this.first !== void 0) clearTimeout(this.first);
        this.first = void 0;
        if (this.timer !== void 0) clearInterval(this.timer);
        this.timer = void 0;
        this.runtime.stop();
      }
      /** Takes one sample: runs the checks (keeping health metrics fresh) and records a history point. */
      async sample() {
        try {
          await this.deps.evaluate('detailed');
          const reading = (0, operations_1.readSnapshot)(await this.deps.telemetry.snapshot());
          const t = Date.now();
          const previous = this.raw.toArray().at(-1);
          const seconds = (t - (previous?.t ?? this.startedAt)) / 1e3;
          const totals = (0, window_1.windowTotals)(reading, previous?.reading, seconds);
          const runtime = this.runtime.read(true);
          this.raw.push({ t, reading });
          this.history.push({
            t,
            ...totals,
            eventLoopDelayP99Ms: runtime.eventLoopDelayP99Ms,
            heapUsedBytes: runtime.heapUsedBytes,
          });
        } catch (error) {
          api_1.diag.warn(`otelkit health: status sample failed: ${String(error)}`);
        }
      }
      /** The current status: checks run (within their cache), rates over the last minute. */
      async model() {
        const [report, snapshot] = await Promise.all([
          this.deps.evaluate('detailed'),
          this.deps.telemetry.snapshot(),
        ]);
        const reading = (0, operations_1.readSnapshot)(snapshot);
        const now = Date.now();
        const base = this.baseline(now);
        const seconds = (now - (base?.t ?? this.startedAt)) / 1e3;
        const { config } = this.deps.telemetry;
        return {
          service: {
            name: config.serviceName,
            ...(config.serviceVersion === void 0 ? {} : { version: config.serviceVersion }),
            ...(config.environment === void 0 ? {} : { environment: config.environment }),
            host: (0, node_os_1.hostname)(),
            pid: process.pid,
            node: process.version,
            startedAt: new Date(this.startedAt).toISOString(),
            uptimeSeconds: Math.round(process.uptime()),
          },
          status: report.status,
          lifecycle: this.deps.lifecycle().phase,
          checks: report.checks.map(toStatusCheck),
          breakers: reading.breakers,
          operations: (0, window_1.operationStats)(reading, base?.reading, seconds),
          windowSeconds: Math.round(seconds),
          runtime: this.runtime.read(false),
          sections: await this.sections(),
          history: { intervalMs: this.deps.sampleIntervalMs, points: this.history.toArray() },
          refreshMs: this.deps.refreshMs,
          time: new Date(now).toISOString(),
        };
      }
      /** Every extra section's value; a failing provider becomes `{ error }` and a `diag.warn`. */
      async sections() {
        const out = {};
        for (const [name, provider] of this.deps.sections()) {
          try {
            out[name] = await provider();
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            api_1.diag.warn(`otelkit health: status section ${name} failed: ${message}`);
            out[name] = { error: message };
          }
        }
        return out;
      }
      /** The newest sample at least a minute old, else the oldest one. */
      baseline(now) {
        const all = this.raw.toArray();
        let chosen = all[0];
        for (const raw of all) if (now - raw.t >= WINDOW_MS) chosen = raw;
        return chosen !== void 0 && chosen.t < now ? chosen : void 0;
      }
    };
    exports2.StatusService = StatusService;
  },
});

// packages/health/dist/operator/json.js
var require_json = __commonJS({
  'packages/health/dist/operator/json.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.sendJson = sendJson;
    exports2.parseOperatorPath = parseOperatorPath;
    function sendJson(response, status, body, head = false) {
      const text = JSON.stringify(body);
      response.statusCode = status;
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.setHeader('Content-Length', Buffer.byteLength(text));
      response.end(head ? void 0 : text);
    }
    function parseOperatorPath(path, prefix, verbs) {
      if (!path.startsWith(`${prefix}/`)) return void 0;
      const rest = path.slice(prefix.length + 1);
      const slash = rest.lastIndexOf('/');
      if (slash <= 0) return void 0;
      const verb = rest.slice(slash + 1);
      if (!verbs.includes(verb)) return void 0;
      try {
        return { name: decodeURIComponent(rest.slice(0, slash)), verb };
      } catch {
        return void 0;
      }
    }
  },
});

// packages/health/dist/operator/actions.js
var require_actions = __commonJS({
  'packages/health/dist/operator/actions.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.mountOperatorActions = mountOperatorActions;
    var json_1 = require_json();
    function mountOperatorActions(server, audit, actions) {
      const { prefix, kind, verbs } = actions;
      const expected = `POST ${prefix}/{name}/${verbs.length === 1 ? verbs[0] : `(${verbs.join('|')})`}`;
      server.route(
        prefix,
        async (request, response) => {
          const parsed = (0, json_1.parseOperatorPath)(request.path, prefix, verbs);
          if (parsed === void 0) {
            (0, json_1.sendJson)(response, 404, { error: 'not found', expected });
            return;
          }
          const { name, verb } = parsed;
          const base = { action: `${kind}.${verb}`, target: name, identity: request.identity };
          const result = await actions.perform(name, verb);
          if (result === void 0) {
            audit.record({ ...base, outcome: 'not_found' });
            (0, json_1.sendJson)(response, 404, { error: `no such ${kind}`, [kind]: name });
            return;
          }
          audit.record({
            ...base,
            outcome: 'success',
            ...(result.detail === void 0 ? {} : { detail: result.detail }),
          });
          (0, json_1.sendJson)(response, 200, result.body);
        },
        { methods: ['POST'], prefix: true },
      );
    }
  },
});

// packages/health/dist/operator/routes.js
var require_routes = __commonJS({
  'packages/health/dist/operator/routes.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CHECKS_PATH = exports2.STATUS_PATH = void 0;
    exports2.mountOperatorRoutes = mountOperatorRoutes;
    var status_service_1 = require_status_service();
    var actions_1 = require_actions();
    var json_1 = require_json();
    exports2.STATUS_PATH = '/status';
    exports2.CHECKS_PATH = '/health/checks';
    function mountOperatorRoutes(server, deps) {
      server.route(exports2.STATUS_PATH, async (request, response) => {
        (0, json_1.sendJson)(response, 200, await deps.status.model(), request.method === 'HEAD');
      });
      (0, actions_1.mountOperatorActions)(server, deps.audit, {
        prefix: exports2.CHECKS_PATH,
        kind: 'check',
        verbs: ['run'],
        async perform(name) {
          const outcome = await deps.runCheck(name);
          return outcome === void 0
            ? void 0
            : { body: (0, status_service_1.toStatusCheck)(outcome), detail: `status ${outcome.status}` };
        },
      });
    }
  },
});

// packages/health/dist/lifecycle/env.js
var require_env = __commonJS({
  'packages/health/dist/lifecycle/env.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.defaultShutdownDelayMs = defaultShutdownDelayMs;
    exports2.resolveShutdownDelayMs = resolveShutdownDelayMs;
    exports2.resolveShutdownTimeoutMs = resolveShutdownTimeoutMs;
    var core_1 = require_dist();
    var MAX_DELAY_MS = 6e5;
    function defaultShutdownDelayMs(env) {
      const k8s = env.KUBERNETES_SERVICE_HOST;
      return k8s !== void 0 && k8s !== '' ? 5e3 : 0;
    }
    function resolveShutdownDelayMs(option, env, preset) {
      if (option !== void 0) {
        if (!Number.isInteger(option) || option < 0 || option > MAX_DELAY_MS) {
          (0, core_1.invalid)('shutdownDelayMs', option, `an integer from 0 to ${MAX_DELAY_MS}`);
        }
        return option;
      }
      const raw = env.OTELKIT_SHUTDOWN_DELAY_MS;
      if (raw !== void 0 && raw.trim() !== '') {
        return (0, core_1.parseInteger)('OTELKIT_SHUTDOWN_DELAY_MS', raw, { min: 0, max: MAX_DELAY_MS });
      }
      return preset === void 0 ? defaultShutdownDelayMs(env) : core_1.PRESETS[preset].shutdownDelayMs;
    }
    function resolveShutdownTimeoutMs(option, fromTelemetry) {
      if (option === void 0) return fromTelemetry;
      if (!Number.isInteger(option) || option < 1 || option > MAX_DELAY_MS) {
        (0, core_1.invalid)('shutdownTimeoutMs', option, `an integer from 1 to ${MAX_DELAY_MS}`);
      }
      return option;
    }
  },
});

// packages/health/dist/options.js
var require_options3 = __commonJS({
  'packages/health/dist/options.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.HEALTH_DEFAULTS = void 0;
    exports2.resolveHealthOptions = resolveHealthOptions;
    var core_1 = require_dist();
    var env_1 = require_env();
    exports2.HEALTH_DEFAULTS = {
      routes: true,
      statusPage: true,
      operatorRoutes: true,
      initiallyReady: false,
      handleSignals: false,
      exitOnSignal: true,
      sampleIntervalMs: 1e4,
      historySize: 90,
      statusRefreshMs: 5e3,
    };
    var DAY_MS = 864e5;
    function resolveHealthOptions(options, telemetryShutdownTimeoutMs, preset) {
      const o = { ...exports2.HEALTH_DEFAULTS, ...options };
      const env = options.env ?? process.env;
      return {
        routes: o.routes,
        // An OTELKIT_PRESET decides the status page unless the option says otherwise.
        statusPage:
          options.statusPage ?? (preset === void 0 ? o.statusPage : core_1.PRESETS[preset].statusPage),
        operatorRoutes: o.operatorRoutes,
        initiallyReady: o.initiallyReady,
        handleSignals: o.handleSignals,
        exitOnSignal: o.exitOnSignal,
        shutdownDelayMs: (0, env_1.resolveShutdownDelayMs)(options.shutdownDelayMs, env, preset),
        shutdownTimeoutMs: (0, env_1.resolveShutdownTimeoutMs)(
          options.shutdownTimeoutMs,
          telemetryShutdownTimeoutMs,
        ),
        sampleIntervalMs: (0, core_1.checkInteger)('sampleIntervalMs', o.sampleIntervalMs, {
          min: 0,
          max: DAY_MS,
        }),
        historySize: (0, core_1.checkInteger)('historySize', o.historySize, { min: 1, max: 1e5 }),
        statusRefreshMs: (0, core_1.checkInteger)('statusRefreshMs', o.statusRefreshMs, {
          min: 100,
          max: DAY_MS,
        }),
      };
    }
  },
});

// packages/health/dist/reload.js
var require_reload = __commonJS({
  'packages/health/dist/reload.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.healthReloadTarget = healthReloadTarget;
    var core_1 = require_dist();
    var reconfigurable_1 = require_reconfigurable();
    function healthReloadTarget(registry, path) {
      return {
        section: 'health',
        check: (value) => {
          const checks = value?.checks;
          if (
            value === null ||
            typeof value !== 'object' ||
            Array.isArray(value) ||
            Object.keys(value).some((k) => k !== 'checks')
          ) {
            (0, core_1.invalid)(`health in ${path}`, JSON.stringify(value), 'an object with "checks"');
          }
          if (checks === void 0) return () => {};
          if (checks === null || typeof checks !== 'object' || Array.isArray(checks)) {
            (0, core_1.invalid)(
              `health.checks in ${path}`,
              JSON.stringify(checks),
              'an object of check names to thresholds',
            );
          }
          const appliers = [];
          for (const [name, options] of Object.entries(checks)) {
            const fn = registry.get(name)?.fn;
            if (fn === void 0)
              (0, core_1.invalid)(`health.checks in ${path}`, name, 'the name of a registered check');
            if (!(0, reconfigurable_1.isReconfigurable)(fn))
              (0, core_1.invalid)(
                `health.checks.${name} in ${path}`,
                name,
                'a built-in check with thresholds',
              );
            if (options === null || typeof options !== 'object' || Array.isArray(options)) {
              (0, core_1.invalid)(
                `health.checks.${name} in ${path}`,
                JSON.stringify(options),
                'an object of thresholds',
              );
            }
            appliers.push(fn.prepareReconfigure(options));
          }
          return () => {
            for (const apply of appliers) apply();
          };
        },
      };
    }
  },
});

// packages/health/dist/report/report.js
var require_report = __commonJS({
  'packages/health/dist/report/report.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.httpStatus = httpStatus;
    exports2.summarize = summarize;
    function httpStatus(status) {
      return status === 'fail' ? 503 : 200;
    }
    function summarize(checks) {
      const bad = checks.filter((c) => c.status !== 'pass');
      if (bad.length === 0) return void 0;
      return bad
        .map((c) => (c.output === void 0 ? `${c.name} ${c.status}` : `${c.name} ${c.status}: ${c.output}`))
        .join('; ');
    }
  },
});

// packages/health/dist/report/health-json.js
var require_health_json = __commonJS({
  'packages/health/dist/report/health-json.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.HEALTH_JSON = void 0;
    exports2.toHealthJson = toHealthJson;
    exports2.HEALTH_JSON = 'application/health+json';
    function entry(check, detailed) {
      return {
        status: check.status,
        ...(check.componentType === void 0 ? {} : { componentType: check.componentType }),
        ...(check.observedValue === void 0 ? {} : { observedValue: check.observedValue }),
        ...(check.observedUnit === void 0 ? {} : { observedUnit: check.observedUnit }),
        ...(check.output === void 0 ? {} : { output: check.output }),
        time: new Date(check.time).toISOString(),
        ...(detailed
          ? {
              kind: check.kind,
              critical: check.critical,
              durationMs: Math.round(check.durationSeconds * 1e6) / 1e3,
            }
          : {}),
      };
    }
    function toHealthJson(report, service, detailed) {
      const checks = {};
      for (const check of report.checks) {
        const list = checks[check.name] ?? [];
        list.push(entry(check, detailed));
        checks[check.name] = list;
      }
      return {
        status: report.status,
        ...(service.version === void 0 ? {} : { version: service.version }),
        serviceId: service.serviceId,
        description: service.description,
        time: /* @__PURE__ */ new Date().toISOString(),
        ...(report.output === void 0 ? {} : { output: report.output }),
        checks,
      };
    }
  },
});

// packages/health/dist/report/verbose.js
var require_verbose = __commonJS({
  'packages/health/dist/report/verbose.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.toVerboseText = toVerboseText;
    function toVerboseText(report) {
      const lines = [];
      for (const check of report.checks) {
        const detail = check.output === void 0 ? '' : `: ${check.output}`;
        if (check.status === 'pass') lines.push(`[+]${check.name} ok`);
        else if (check.status === 'warn') lines.push(`[+]${check.name} warn${detail}`);
        else lines.push(`[-]${check.name} failed${detail}${check.critical ? '' : ' (non-critical)'}`);
      }
      const probe = report.probe === 'detailed' ? 'health' : report.probe;
      lines.push(`${probe} check ${report.status === 'fail' ? 'failed' : 'passed'}`);
      return `${lines.join('\n')}
`;
    }
  },
});

// packages/health/dist/report/routes.js
var require_routes2 = __commonJS({
  'packages/health/dist/report/routes.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.PROBE_ROUTES = void 0;
    exports2.mountProbeRoutes = mountProbeRoutes;
    var health_json_1 = require_health_json();
    var report_1 = require_report();
    var verbose_1 = require_verbose();
    exports2.PROBE_ROUTES = [
      { path: '/livez', probe: 'livez', auth: false },
      { path: '/readyz', probe: 'readyz', auth: false },
      { path: '/healthz', probe: 'healthz', auth: false },
      { path: '/health', probe: 'healthz', auth: false },
      { path: '/health/live', probe: 'livez', auth: false },
      { path: '/health/ready', probe: 'readyz', auth: false },
      { path: '/health/detailed', probe: 'detailed', auth: true },
    ];
    function send(response, request, status, type, body) {
      response.statusCode = status;
      response.setHeader('Content-Type', type);
      response.setHeader('Content-Length', Buffer.byteLength(body));
      response.end(request.method === 'HEAD' ? void 0 : body);
    }
    function mountProbeRoutes(server, evaluate, service) {
      for (const { path, probe, auth } of exports2.PROBE_ROUTES) {
        server.route(
          path,
          async (request, response) => {
            const report = await evaluate(probe);
            const status = (0, report_1.httpStatus)(report.status);
            if (request.url.searchParams.has('verbose')) {
              send(
                response,
                request,
                status,
                'text/plain; charset=utf-8',
                (0, verbose_1.toVerboseText)(report),
              );
            } else {
              const body = JSON.stringify(
                (0, health_json_1.toHealthJson)(report, service(), probe === 'detailed'),
              );
              send(response, request, status, health_json_1.HEALTH_JSON, body);
            }
          },
          { auth },
        );
      }
    }
  },
});

// packages/health/dist/status/page-script.js
var require_page_script = __commonJS({
  'packages/health/dist/status/page-script.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.PAGE_SCRIPT = void 0;
    exports2.PAGE_SCRIPT = `
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var WINDOW_MS = 15 * 60 * 1000;
  var refreshMs = 5000;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function badge(status, big) {
    var known = /^(pass|warn|fail|open|closed|half_open|half-open)$/.test(status);
    return el('span', 'badge ' + (known ? status : 'other') + (big ? ' big' : ''), status);
  }
  function num(v, digits) {
    if (v === undefined || v === null || !isFinite(v)) return '\u2013';
    return Number(v).toLocaleString(undefined, { maximumFractionDigits: digits === undefined ? 1 : digits });
  }
  function ms(v) { return v === undefined || v === null ? '\u2013' : (v >= 1000 ? num(v / 1000, 2) + ' s' : num(v, v < 10 ? 2 : 1) + ' ms'); }
  function pct(v) { return v === undefined || v === null ? '\u2013' : num(v * 100, 2) + ' %'; }
  function bytes(v) {
    if (v === undefined || v === null) return '\u2013';
    var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    var i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return num(v, i === 0 ? 0 : 1) + ' ' + units[i];
  }
  function duration(s) {
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), r = Math.floor(s % 60);
    if (d > 0) return d + 'd ' + h + 'h ' + m + 'm';
    if (h > 0) return h + 'h ' + m + 'm ' + r + 's';
    if (m > 0) return m + 'm ' + r + 's';
    return r + 's';
  }
  function td(text, cls) { return el('td', cls, text); }

  function renderHeader(m) {
    var s = m.service;
    document.title = s.name + ' \xB7 ' + m.status;
    $('service').textContent = s.name;
    var overall = $('overall');
    clear(overall);
    overall.appendChild(badge(m.status, true));
    var meta = $('meta');
    clear(meta);
    var items = [['version', s.version], ['environment', s.environment], ['host', s.host], ['pid', s.pid],
      ['node', s.node], ['uptime', duration(s.uptimeSeconds)], ['state', m.lifecycle]];
    items.forEach(function (item) {
      if (item[1] === undefined) return;
      var span = el('span', '', item[0] + ' ');
      span.appendChild(el('b', '', item[1]));
      meta.appendChild(span);
    });
  }

  function renderChecks(m) {
    var body = $('checks');
    clear(body);
    $('checks-empty').hidden = m.checks.length > 0;
    m.checks.forEach(function (c) {
      var tr = el('tr');
      tr.setAttribute('data-check', c.name);
      tr.setAttribute('data-status', c.status);
      var st = td('');
      st.appendChild(badge(c.status));
      tr.appendChild(st);
      tr.appendChild(td(c.name));
      tr.appendChild(td(c.kind + (c.critical ? '' : ' \xB7 non-critical'), 'muted'));
      var observed = c.observedValue === undefined ? '' : String(typeof c.observedValue === 'number' ? num(c.observedValue, 2) : c.observedValue) + (c.observedUnit ? ' ' + c.observedUnit : '');
      tr.appendChild(td(observed, 'num'));
      tr.appendChild(td(c.output || ''));
      tr.appendChild(td(ms(c.durationMs), 'num muted'));
      body.appendChild(tr);
    });
  }

  function renderBreakers(m) {
    var section = $('breakers-section');
    section.hidden = m.breakers.length === 0;
    var list = $('breakers');
    clear(list);
    m.breakers.forEach(function (b) {
      var item = el('div', 'breaker');
      item.setAttribute('data-breaker', b.name);
      item.appendChild(badge(b.state));
      item.appendChild(el('span', '', b.name));
      list.appendChild(item);
    });
  }

  function renderOperations(m) {
    var body = $('operations');
    clear(body);
    $('window').textContent = 'last ' + duration(m.windowSeconds);
    $('operations-empty').hidden = m.operations.length > 0;
    m.operations.forEach(function (o) {
      var tr = el('tr');
      tr.setAttribute('data-operation', o.namespace + '/' + o.operation);
      tr.appendChild(td(o.operation));
      tr.appendChild(td(o.namespace, 'muted'));
      tr.appendChild(td(num(o.ratePerSecond, 2) + '/s', 'num'));
      tr.appendChild(td(pct(o.errorRatio), 'num'));
      tr.appendChild(td(ms(o.p50Ms), 'num'));
      tr.appendChild(td(ms(o.p95Ms), 'num'));
      tr.appendChild(td(ms(o.p99Ms), 'num'));
      tr.appendChild(td(num(o.total, 0), 'num muted'));
      body.appendChild(tr);
    });
  }

  function renderRuntime(m) {
    var r = m.runtime;
    $('el-p99').textContent = ms(r.eventLoopDelayP99Ms);
    $('el-mean').textContent = ms(r.eventLoopDelayMeanMs);
    $('heap').textContent = bytes(r.heapUsedBytes);
    $('heap-limit').textContent = 'of ' + bytes(r.heapLimitBytes);
    $('heap-bar').style.width = Math.min(100, 100 * r.heapUsedBytes / r.heapLimitBytes).toFixed(1) + '%';
    $('rss').textContent = bytes(r.rssBytes);
  }

  function chart(title, points, key, format, color, now) {
    var box = el('div', 'chart');
    var head = el('div', 'head');
    head.appendChild(el('span', '', title));
    var values = points.map(function (p) { return p[key]; }).filter(function (v) { return v !== undefined && v !== null; });
    head.appendChild(el('b', '', values.length ? format(values[values.length - 1]) : '\u2013'));
    box.appendChild(head);
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 300 70');
    svg.setAttribute('preserveAspectRatio', 'none');
    var max = values.length ? Math.max.apply(null, values) : 0;
    var top = max > 0 ? max * 1.15 : 1;
    var x = function (t) { return 300 * (1 - (now - t) / WINDOW_MS); };
    var y = function (v) { return 68 - 64 * v / top; };
    var grid = document.createElementNS(SVG, 'line');
    grid.setAttribute('x1', '0'); grid.setAttribute('x2', '300'); grid.setAttribute('y1', '68'); grid.setAttribute('y2', '68');
    grid.setAttribute('stroke', 'currentColor'); grid.setAttribute('stroke-opacity', '0.2');
    svg.appendChild(grid);
    var d = '';
    var started = false;
    points.forEach(function (p) {
      var v = p[key];
      if (v === undefined || v === null || now - p.t > WINDOW_MS) { started = false; return; }
      d += (started ? 'L' : 'M') + x(p.t).toFixed(1) + ' ' + y(v).toFixed(1);
      started = true;
    });
    if (d) {
      var path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', d);
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', color);
      path.setAttribute('stroke-width', '1.6');
      path.setAttribute('vector-effect', 'non-scaling-stroke');
      svg.appendChild(path);
    }
    box.appendChild(svg);
    var axis = el('div', 'axis');
    axis.appendChild(el('span', '', '-15 min'));
    axis.appendChild(el('span', '', 'max ' + format(max)));
    axis.appendChild(el('span', '', 'now'));
    box.appendChild(axis);
    return box;
  }

  function renderCharts(m) {
    var box = $('charts');
    clear(box);
    var pts = m.history.points;
    var now = Date.parse(m.time);
    box.appendChild(chart('Throughput', pts, 'throughput', function (v) { return num(v, 2) + '/s'; }, '#2e90fa', now));
    box.appendChild(chart('Error rate', pts, 'errorRatio', pct, '#f04438', now));
    box.appendChild(chart('p95 latency', pts, 'p95Ms', ms, '#7a5af8', now));
    box.appendChild(chart('Event loop delay p99', pts, 'eventLoopDelayP99Ms', ms, '#f79009', now));
    box.appendChild(chart('Heap used', pts, 'heapUsedBytes', bytes, '#12b76a', now));
  }

  function render(m) {
    renderHeader(m);
    renderChecks(m);
    renderBreakers(m);
    renderOperations(m);
    renderRuntime(m);
    renderCharts(m);
    $('updated').textContent = new Date(m.time).toLocaleTimeString();
    $('every').textContent = num(m.refreshMs / 1000, 1) + ' s';
  }

  function setError(message) {
    var box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function refresh() {
    fetch('health/status.json', { cache: 'no-store', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) throw new Error('status endpoint answered HTTP ' + r.status);
        return r.json();
      })
      .then(function (m) {
        if (m.refreshMs > 0) refreshMs = m.refreshMs;
        render(m);
        setError();
      })
      .catch(function (e) { setError('Cannot reach the service: ' + (e && e.message ? e.message : e)); })
      .then(function () { setTimeout(refresh, refreshMs); });
  }
  refresh();
})();
`;
  },
});

// packages/health/dist/status/page-style.js
var require_page_style = __commonJS({
  'packages/health/dist/status/page-style.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.PAGE_STYLE = void 0;
    exports2.PAGE_STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1d2330;--muted:#667085;--line:#e4e7ec;--pass:#12b76a;--warn:#f79009;--fail:#f04438;--accent:#2e90fa;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#0f1218;--card:#171b24;--fg:#e6e9ef;--muted:#98a2b3;--line:#283040;--accent:#53b1fd}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{display:flex;flex-wrap:wrap;align-items:center;gap:12px 20px;padding:16px 24px;background:var(--card);border-bottom:1px solid var(--line)}
header h1{margin:0;font-size:20px;font-weight:650}
.meta{display:flex;flex-wrap:wrap;gap:6px 16px;color:var(--muted);font-size:13px}
.meta b{color:var(--fg);font-weight:550}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px;padding:16px 24px;max-width:1500px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px;min-width:0}
section.wide{grid-column:1/-1}
h2{margin:0 0 10px;font-size:13px;font-weight:650;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
table{width:100%;border-collapse:collapse;font-size:13px}
th{text-align:left;font-weight:550;color:var(--muted);border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top;overflow-wrap:anywhere}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr:last-child td{border-bottom:0}
.badge{display:inline-block;min-width:44px;text-align:center;padding:2px 8px;border-radius:999px;font-size:12px;font-weight:650;color:#fff;text-transform:uppercase}
.badge.pass,.badge.closed{background:var(--pass)}.badge.warn,.badge.half_open,.badge.half-open{background:var(--warn)}.badge.fail,.badge.open{background:var(--fail)}
.badge.big{font-size:14px;padding:4px 14px}
.badge.other{background:var(--muted)}
.muted{color:var(--muted)}
.empty{color:var(--muted);font-style:italic;padding:6px 0}
.kv{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
.kv div{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.kv span{display:block;color:var(--muted);font-size:12px}.kv b{font-size:18px;font-variant-numeric:tabular-nums}
.bar{height:6px;background:var(--line);border-radius:3px;margin-top:6px;overflow:hidden}.bar i{display:block;height:100%;background:var(--accent)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px}
.chart{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
.chart .head{display:flex;justify-content:space-between;font-size:12px;color:var(--muted)}
.chart .head b{color:var(--fg);font-variant-numeric:tabular-nums}
.chart svg{display:block;width:100%;height:70px;margin-top:4px}
.chart .axis{display:flex;justify-content:space-between;font-size:11px;color:var(--muted)}
.breakers{display:flex;flex-wrap:wrap;gap:8px}
.breaker{display:flex;align-items:center;gap:8px;border:1px solid var(--line);border-radius:8px;padding:6px 10px}
[hidden]{display:none!important}
#error{margin:12px 24px 0;padding:10px 14px;border-radius:8px;background:var(--fail);color:#fff}
footer{padding:4px 24px 20px;color:var(--muted);font-size:12px}
`;
  },
});

// packages/health/dist/status/page.js
var require_page = __commonJS({
  'packages/health/dist/status/page.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.STATUS_PAGE_CSP = exports2.STATUS_PAGE_HTML = void 0;
    var node_crypto_1 = require('node:crypto');
    var page_script_1 = require_page_script();
    var page_style_1 = require_page_style();
    var BODY = `<header>
<h1 id="service">otelkit</h1><span id="overall"></span>
<div class="meta" id="meta"></div>
</header>
<div id="error" role="alert" hidden></div>
<main>
<section class="wide"><h2>Health checks</h2>
<table><thead><tr><th>Status</th><th>Check</th><th>Kind</th><th class="num">Observed</th><th>Message</th><th class="num">Took</th></tr></thead>
<tbody id="checks"></tbody></table><div class="empty" id="checks-empty">No checks registered.</div></section>
<section class="wide" id="breakers-section" hidden><h2>Circuit breakers</h2><div class="breakers" id="breakers"></div></section>
<section class="wide"><h2>Operations <span class="muted" id="window"></span></h2>
<table><thead><tr><th>Operation</th><th>Namespace</th><th class="num">Throughput</th><th class="num">Errors</th><th class="num">p50</th><th class="num">p95</th><th class="num">p99</th><th class="num">Total</th></tr></thead>
<tbody id="operations"></tbody></table><div class="empty" id="operations-empty">No operations recorded yet.</div></section>
<section class="wide"><h2>Runtime</h2><div class="kv">
<div><span>Event loop delay p99</span><b id="el-p99">\u2013</b></div>
<div><span>Event loop delay mean</span><b id="el-mean">\u2013</b></div>
<div><span>Heap used <em id="heap-limit"></em></span><b id="heap">\u2013</b><div class="bar"><i id="heap-bar"></i></div></div>
<div><span>Resident set</span><b id="rss">\u2013</b></div>
</div></section>
<section class="wide"><h2>Last 15 minutes</h2><div class="charts" id="charts"></div></section>
</main>
<footer>Updated <span id="updated">never</span>, every <span id="every">\u2013</span>. Served by otelkit.</footer>`;
    function sha256(text) {
      return `'sha256-${(0, node_crypto_1.createHash)('sha256').update(text).digest('base64')}'`;
    }
    exports2.STATUS_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Service status</title><link rel="icon" href="data:,"><style>${page_style_1.PAGE_STYLE}</style></head>
<body>${BODY}<script>${page_script_1.PAGE_SCRIPT}</script></body></html>
`;
    exports2.STATUS_PAGE_CSP = [
      "default-src 'none'",
      `script-src ${sha256(page_script_1.PAGE_SCRIPT)}`,
      `style-src ${sha256(page_style_1.PAGE_STYLE)}`,
      "connect-src 'self'",
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; ');
  },
});

// packages/health/dist/status/routes.js
var require_routes3 = __commonJS({
  'packages/health/dist/status/routes.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.STATUS_JSON_PATH = void 0;
    exports2.mountStatusRoutes = mountStatusRoutes;
    exports2.STATUS_JSON_PATH = '/health/status.json';
    var page;
    function statusPage() {
      if (page === void 0) {
        const m = require_page();
        page = { bytes: Buffer.from(m.STATUS_PAGE_HTML, 'utf8'), csp: m.STATUS_PAGE_CSP };
      }
      return page;
    }
    function mountStatusRoutes(server, status) {
      server.route('/', (request, response) => {
        response.statusCode = 200;
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Content-Security-Policy', statusPage().csp);
        response.setHeader('Content-Length', statusPage().bytes.length);
        response.end(request.method === 'HEAD' ? void 0 : statusPage().bytes);
      });
      server.route(exports2.STATUS_JSON_PATH, async (request, response) => {
        const body = JSON.stringify(await status.model());
        response.statusCode = 200;
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.setHeader('Content-Length', Buffer.byteLength(body));
        response.end(request.method === 'HEAD' ? void 0 : body);
      });
    }
  },
});

// packages/health/dist/health.js
var require_health = __commonJS({
  'packages/health/dist/health.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.startHealth = startHealth;
    var api_1 = require('@opentelemetry/api');
    var core_1 = require_dist();
    var outcome_1 = require_outcome();
    var registry_1 = require_registry();
    var lifecycle_1 = require_lifecycle();
    var shutdown_1 = require_shutdown();
    var signals_1 = require_signals();
    var health_metrics_1 = require_health_metrics();
    var audit_1 = require_audit();
    var routes_1 = require_routes();
    var options_1 = require_options3();
    var reload_1 = require_reload();
    var report_1 = require_report();
    var routes_2 = require_routes2();
    var routes_3 = require_routes3();
    var status_service_1 = require_status_service();
    var LIFECYCLE_CHECK = 'lifecycle:ready';
    var SECTION_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
    var KINDS_OF = {
      livez: ['liveness'],
      readyz: ['readiness', 'startup'],
      healthz: ['liveness', 'readiness', 'startup'],
      detailed: ['liveness', 'readiness', 'startup'],
    };
    function startHealth(telemetry, options = {}) {
      const opts = (0, options_1.resolveHealthOptions)(
        options,
        telemetry.config.shutdownTimeoutMs,
        telemetry.config.preset,
      );
      const lifecycle = new lifecycle_1.Lifecycle();
      if (opts.initiallyReady) lifecycle.markReady();
      let metrics;
      const registry = new registry_1.CheckRegistry((outcome) => metrics?.recordRun(outcome));
      if (telemetry.config.configFile !== void 0) {
        telemetry.addReloadTarget((0, reload_1.healthReloadTarget)(registry, telemetry.config.configFile));
      }
      const hooks = [];
      const servers = /* @__PURE__ */ new Set();
      const isReady = () => lifecycle.state.phase === 'ready' && registry.startupPassed();
      const lifecycleOutcome = () => {
        const state = lifecycle.state;
        const output =
          state.phase === 'draining'
            ? `shutting down (${state.reason})`
            : !registry.startupPassed()
              ? 'start-up checks have not passed yet'
              : state.phase === 'starting'
                ? 'waiting for markReady()'
                : void 0;
        return {
          name: LIFECYCLE_CHECK,
          kind: 'readiness',
          critical: true,
          componentType: 'system',
          status: output === void 0 ? 'pass' : 'fail',
          ...(output === void 0 ? {} : { output }),
          time: Date.now(),
          durationSeconds: 0,
        };
      };
      const evaluate = async (probe) => {
        const checks = await registry.run(KINDS_OF[probe]);
        if (probe === 'readyz' || probe === 'detailed') checks.push(lifecycleOutcome());
        return {
          probe,
          status: (0, outcome_1.aggregate)(checks),
          output: (0, report_1.summarize)(checks),
          checks,
        };
      };
      const latest = (kinds) => {
        const out = [];
        for (const check of registry.all()) {
          const last = check.latest();
          if (last !== void 0 && kinds.includes(last.kind)) out.push(last);
        }
        return out;
      };
      metrics = new health_metrics_1.HealthMetrics(telemetry.getMeter('@otelkit/health'), {
        latest: () => latest(['liveness', 'readiness', 'startup']),
        overall: (kind) =>
          kind === 'liveness'
            ? (0, outcome_1.aggregate)(latest(['liveness']))
            : (0, outcome_1.aggregate)([...latest(['readiness', 'startup']), lifecycleOutcome()]),
      });
      const runCheck = async (name) => registry.get(name)?.run(true);
      const identity = () => ({
        serviceId: telemetry.config.serviceName,
        version: telemetry.config.serviceVersion,
        description: `health of ${telemetry.config.serviceName}`,
      });
      const sections = /* @__PURE__ */ new Map();
      const status = new status_service_1.StatusService({
        telemetry,
        sections: () => sections,
        evaluate,
        lifecycle: () => lifecycle.state,
        sampleIntervalMs: opts.sampleIntervalMs,
        historySize: opts.historySize,
        refreshMs: opts.statusRefreshMs,
      });
      if (telemetry.server !== void 0) {
        if (opts.routes) (0, routes_2.mountProbeRoutes)(telemetry.server, evaluate, identity);
        if (opts.statusPage) (0, routes_3.mountStatusRoutes)(telemetry.server, status);
        if (opts.operatorRoutes) {
          (0, routes_1.mountOperatorRoutes)(telemetry.server, {
            status,
            runCheck,
            audit: (0, audit_1.operatorAudit)(telemetry),
          });
        }
      }
      status.start();
      let stopping;
      const shutdown = (reason = 'shutdown() called') => {
        stopping ??= (0, shutdown_1.runShutdown)(
          {
            lifecycle,
            delayMs: opts.shutdownDelayMs,
            timeoutMs: opts.shutdownTimeoutMs,
            hooks: () => hooks,
            servers: () => [...servers],
            flush: () => telemetry.shutdown(),
          },
          reason,
        );
        return stopping;
      };
      const signals = new signals_1.SignalHandlers({
        shutdown,
        exitOnSignal: opts.exitOnSignal,
        hardDeadlineMs: opts.shutdownDelayMs + opts.shutdownTimeoutMs * 5 + 1e3,
        exit: (code) => process.exit(code),
      });
      const stopBackground = () => {
        status.stop();
        metrics?.stop();
      };
      telemetry.onShutdown(stopBackground);
      if (opts.handleSignals) signals.install();
      return {
        registerCheck(name, fn, checkOptions) {
          const check = registry.register(name, fn, checkOptions);
          return () => {
            if (registry.unregister(check)) metrics?.forget(check.settings.name, check.settings.kind);
          };
        },
        markReady: () => {
          if (lifecycle.state.phase === 'draining')
            api_1.diag.debug('otelkit health: markReady() during shutdown ignored');
          lifecycle.markReady();
        },
        isReady,
        state: () => lifecycle.state,
        check: evaluate,
        runCheck,
        addStatusSection(name, provider) {
          if (typeof name !== 'string' || !SECTION_NAME.test(name)) {
            (0, core_1.invalid)('addStatusSection name', name, '1-64 characters of A-Z a-z 0-9 _ . -');
          }
          if (typeof provider !== 'function')
            (0, core_1.invalid)(`addStatusSection ${name} provider`, typeof provider, 'a function');
          sections.set(name, provider);
          return () => {
            if (sections.get(name) === provider) sections.delete(name);
          };
        },
        beforeShutdown(hook) {
          if (typeof hook === 'function') hooks.push(hook);
          else api_1.diag.warn('otelkit health: beforeShutdown() needs a function; ignored');
        },
        trackServer(server) {
          if (servers.has(server)) return;
          servers.add(server);
          server.once('close', () => servers.delete(server));
        },
        installSignalHandlers: () => signals.install(),
        shutdown,
        close() {
          stopBackground();
          signals.uninstall();
        },
      };
    }
  },
});

// packages/health/dist/index.js
var require_dist2 = __commonJS({
  'packages/health/dist/index.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.STATUS_JSON_PATH =
      exports2.HEALTH_JSON =
      exports2.resolveHealthOptions =
      exports2.HEALTH_DEFAULTS =
      exports2.STATUS_PATH =
      exports2.CHECKS_PATH =
      exports2.UNKNOWN_TARGET =
      exports2.operatorAudit =
      exports2.OPERATOR_ACTIONS_METRIC =
      exports2.mountOperatorActions =
      exports2.STATUS_METRIC =
      exports2.DURATION_METRIC =
      exports2.startHealth =
      exports2.tcpCheck =
      exports2.isReconfigurable =
      exports2.lastSuccessCheck =
      exports2.httpCheck =
      exports2.heapCheck =
      exports2.eventLoopDelayCheck =
      exports2.dnsCheck =
      exports2.diskSpaceCheck =
      exports2.CHECK_DEFAULTS =
        void 0;
    var registry_1 = require_registry();
    Object.defineProperty(exports2, 'CHECK_DEFAULTS', {
      enumerable: true,
      get: () => registry_1.CHECK_DEFAULTS,
    });
    var disk_1 = require_disk();
    Object.defineProperty(exports2, 'diskSpaceCheck', { enumerable: true, get: () => disk_1.diskSpaceCheck });
    var dns_1 = require_dns();
    Object.defineProperty(exports2, 'dnsCheck', { enumerable: true, get: () => dns_1.dnsCheck });
    var event_loop_1 = require_event_loop2();
    Object.defineProperty(exports2, 'eventLoopDelayCheck', {
      enumerable: true,
      get: () => event_loop_1.eventLoopDelayCheck,
    });
    var heap_1 = require_heap();
    Object.defineProperty(exports2, 'heapCheck', { enumerable: true, get: () => heap_1.heapCheck });
    var http_1 = require_http();
    Object.defineProperty(exports2, 'httpCheck', { enumerable: true, get: () => http_1.httpCheck });
    var last_success_1 = require_last_success();
    Object.defineProperty(exports2, 'lastSuccessCheck', {
      enumerable: true,
      get: () => last_success_1.lastSuccessCheck,
    });
    var reconfigurable_1 = require_reconfigurable();
    Object.defineProperty(exports2, 'isReconfigurable', {
      enumerable: true,
      get: () => reconfigurable_1.isReconfigurable,
    });
    var tcp_1 = require_tcp();
    Object.defineProperty(exports2, 'tcpCheck', { enumerable: true, get: () => tcp_1.tcpCheck });
    var health_1 = require_health();
    Object.defineProperty(exports2, 'startHealth', { enumerable: true, get: () => health_1.startHealth });
    var health_metrics_1 = require_health_metrics();
    Object.defineProperty(exports2, 'DURATION_METRIC', {
      enumerable: true,
      get: () => health_metrics_1.DURATION_METRIC,
    });
    Object.defineProperty(exports2, 'STATUS_METRIC', {
      enumerable: true,
      get: () => health_metrics_1.STATUS_METRIC,
    });
    var actions_1 = require_actions();
    Object.defineProperty(exports2, 'mountOperatorActions', {
      enumerable: true,
      get: () => actions_1.mountOperatorActions,
    });
    var audit_1 = require_audit();
    Object.defineProperty(exports2, 'OPERATOR_ACTIONS_METRIC', {
      enumerable: true,
      get: () => audit_1.OPERATOR_ACTIONS_METRIC,
    });
    Object.defineProperty(exports2, 'operatorAudit', { enumerable: true, get: () => audit_1.operatorAudit });
    Object.defineProperty(exports2, 'UNKNOWN_TARGET', {
      enumerable: true,
      get: () => audit_1.UNKNOWN_TARGET,
    });
    var routes_1 = require_routes();
    Object.defineProperty(exports2, 'CHECKS_PATH', { enumerable: true, get: () => routes_1.CHECKS_PATH });
    Object.defineProperty(exports2, 'STATUS_PATH', { enumerable: true, get: () => routes_1.STATUS_PATH });
    var options_1 = require_options3();
    Object.defineProperty(exports2, 'HEALTH_DEFAULTS', {
      enumerable: true,
      get: () => options_1.HEALTH_DEFAULTS,
    });
    Object.defineProperty(exports2, 'resolveHealthOptions', {
      enumerable: true,
      get: () => options_1.resolveHealthOptions,
    });
    var health_json_1 = require_health_json();
    Object.defineProperty(exports2, 'HEALTH_JSON', {
      enumerable: true,
      get: () => health_json_1.HEALTH_JSON,
    });
    var routes_2 = require_routes3();
    Object.defineProperty(exports2, 'STATUS_JSON_PATH', {
      enumerable: true,
      get: () => routes_2.STATUS_JSON_PATH,
    });
  },
});

// packages/tracing/dist/config.js
var require_config = __commonJS({
  'packages/tracing/dist/config.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.TRACING_DEFAULTS = void 0;
    exports2.resolveTracingConfig = resolveTracingConfig;
    var core_1 = require_dist();
    exports2.TRACING_DEFAULTS = {
      exporters: ['otlp'],
      endpoint: 'http://localhost:4318/v1/traces',
      timeoutMs: 1e4,
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      propagators: ['tracecontext', 'baggage'],
      scheduledDelayMs: 5e3,
      exportTimeoutMs: 3e4,
      maxQueueSize: 2048,
      maxExportBatchSize: 512,
      http: { server: true, client: true, fetch: true, serverTiming: false, metrics: true },
    };
    var EXPORTERS = ['otlp', 'console', 'none'];
    var SAMPLERS = [
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ];
    var PROPAGATORS = ['tracecontext', 'baggage', 'none'];
    var POSITIVE_MS = { min: 1, max: 2147483647 };
    var QUEUE = { min: 1, max: 1e6 };
    var SPAN_LIMITS = [
      [
        'attributeValueLengthLimit',
        ['OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT'],
      ],
      ['attributeCountLimit', ['OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', 'OTEL_ATTRIBUTE_COUNT_LIMIT']],
      ['eventCountLimit', ['OTEL_SPAN_EVENT_COUNT_LIMIT']],
      ['linkCountLimit', ['OTEL_SPAN_LINK_COUNT_LIMIT']],
      ['attributePerEventCountLimit', ['OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT']],
      ['attributePerLinkCountLimit', ['OTEL_LINK_ATTRIBUTE_COUNT_LIMIT']],
    ];
    var LIMIT = { min: 0, max: 2147483647 };
    function resolveSpanLimits(env) {
      const limits = {};
      for (const [key, names] of SPAN_LIMITS) {
        const found = firstEnv(env, names);
        if (found !== void 0) limits[key] = (0, core_1.parseInteger)(found.name, found.raw, LIMIT);
      }
      return limits;
    }
    function envValue(env, name) {
      const raw = env[name];
      return raw === void 0 || raw.trim() === '' ? void 0 : raw;
    }
    function firstEnv(env, names) {
      for (const name of names) {
        const raw = envValue(env, name);
        if (raw !== void 0) return { name, raw };
      }
      return void 0;
    }
    function int(option, key, env, names, bounds, fallback) {
      if (option !== void 0) return (0, core_1.checkInteger)(`options.${key}`, option, bounds);
      const found = firstEnv(env, names);
      return found === void 0 ? fallback : (0, core_1.parseInteger)(found.name, found.raw, bounds);
    }
    function list(option, key, env, name, allowed, fallback) {
      const setting = option === void 0 ? name : `options.${key}`;
      const raw =
        option === void 0 ? envValue(env, name) : Array.isArray(option) ? option.join(',') : String(option);
      if (raw === void 0) return fallback;
      const values = (0, core_1.parseEnumList)(setting, raw, allowed);
      if (values.includes('none') && values.length > 1)
        (0, core_1.invalid)(setting, raw, '"none" alone, or a list without "none"');
      return values;
    }
    function parseRatio(setting, raw) {
      const text = typeof raw === 'number' ? String(raw) : String(raw).trim();
      const value = /^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
      if (!(value >= 0 && value <= 1)) (0, core_1.invalid)(setting, raw, 'a number from 0 to 1');
      return value;
    }
    function resolveEndpoint(options, env) {
      if (options.endpoint !== void 0) return (0, core_1.parseUrl)('options.endpoint', options.endpoint);
      const specific = envValue(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
      if (specific !== void 0) return (0, core_1.parseUrl)('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', specific);
      const base = envValue(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
      if (base !== void 0)
        return (0, core_1.signalUrl)((0, core_1.parseUrl)('OTEL_EXPORTER_OTLP_ENDPOINT', base), 'v1/traces');
      return exports2.TRACING_DEFAULTS.endpoint;
    }
    function resolveSampler(options, env, preset) {
      const fallback = preset === void 0 ? exports2.TRACING_DEFAULTS.sampler : 'parentbased_traceidratio';
      const sampler =
        options.sampler !== void 0
          ? (0, core_1.parseEnum)('options.sampler', String(options.sampler), SAMPLERS)
          : ((s) => (s === void 0 ? fallback : (0, core_1.parseEnum)('OTEL_TRACES_SAMPLER', s, SAMPLERS)))(
              envValue(env, 'OTEL_TRACES_SAMPLER'),
            );
      let samplerRatio =
        preset === void 0
          ? exports2.TRACING_DEFAULTS.samplerRatio
          : core_1.PRESETS[preset].tracesSamplerRatio;
      if (options.samplerRatio !== void 0)
        samplerRatio = parseRatio('options.samplerRatio', options.samplerRatio);
      else if (sampler.endsWith('traceidratio')) {
        const arg = envValue(env, 'OTEL_TRACES_SAMPLER_ARG');
        if (arg !== void 0) samplerRatio = parseRatio('OTEL_TRACES_SAMPLER_ARG', arg);
      }
      return { sampler, samplerRatio };
    }
    function resolveTracingConfig(options = {}, env = options.env ?? process.env, preset) {
      const headersFound = firstEnv(env, ['OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'OTEL_EXPORTER_OTLP_HEADERS']);
      const maxQueueSize = int(
        options.maxQueueSize,
        'maxQueueSize',
        env,
        ['OTEL_BSP_MAX_QUEUE_SIZE'],
        QUEUE,
        exports2.TRACING_DEFAULTS.maxQueueSize,
      );
      const batchFromEnv =
        options.maxExportBatchSize === void 0 && firstEnv(env, ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE']) !== void 0;
      let maxExportBatchSize = int(
        options.maxExportBatchSize,
        'maxExportBatchSize',
        env,
        ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE'],
        QUEUE,
        exports2.TRACING_DEFAULTS.maxExportBatchSize,
      );
      if (maxExportBatchSize > maxQueueSize) {
        if (options.maxExportBatchSize !== void 0 || batchFromEnv) {
          (0, core_1.invalid)(
            batchFromEnv ? 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE' : 'options.maxExportBatchSize',
            maxExportBatchSize,
            `at most the queue size (${maxQueueSize})`,
          );
        }
        maxExportBatchSize = maxQueueSize;
      }
      const protocol = firstEnv(env, ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']);
      if (protocol !== void 0 && !['http/json', 'http/protobuf'].includes(protocol.raw.trim())) {
        (0, core_1.invalid)(
          protocol.name,
          protocol.raw,
          'http/json or http/protobuf (otelkit exports OTLP over HTTP)',
        );
      }
      const http = options.http === false ? false : { ...exports2.TRACING_DEFAULTS.http, ...options.http };
      return {
        exporters: list(
          options.exporters,
          'exporters',
          env,
          'OTEL_TRACES_EXPORTER',
          EXPORTERS,
          exports2.TRACING_DEFAULTS.exporters,
        ),
        endpoint: resolveEndpoint(options, env),
        headers:
          options.headers ??
          (headersFound === void 0 ? {} : (0, core_1.parseKeyValueList)(headersFound.name, headersFound.raw)),
        timeoutMs: int(
          options.timeoutMs,
          'timeoutMs',
          env,
          ['OTEL_EXPORTER_OTLP_TRACES_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT'],
          POSITIVE_MS,
          exports2.TRACING_DEFAULTS.timeoutMs,
        ),
        ...resolveSampler(options, env, preset),
        propagators: list(
          options.propagators,
          'propagators',
          env,
          'OTEL_PROPAGATORS',
          PROPAGATORS,
          exports2.TRACING_DEFAULTS.propagators,
        ),
        scheduledDelayMs: int(
          options.scheduledDelayMs,
          'scheduledDelayMs',
          env,
          ['OTEL_BSP_SCHEDULE_DELAY'],
          POSITIVE_MS,
          exports2.TRACING_DEFAULTS.scheduledDelayMs,
        ),
        exportTimeoutMs: int(
          options.exportTimeoutMs,
          'exportTimeoutMs',
          env,
          ['OTEL_BSP_EXPORT_TIMEOUT'],
          POSITIVE_MS,
          exports2.TRACING_DEFAULTS.exportTimeoutMs,
        ),
        maxQueueSize,
        maxExportBatchSize,
        http,
        spanLimits: resolveSpanLimits(env),
      };
    }
  },
});

// packages/tracing/dist/correlation/id.js
var require_id = __commonJS({
  'packages/tracing/dist/correlation/id.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.MAX_CORRELATION_ID_LENGTH = void 0;
    exports2.newCorrelationId = newCorrelationId;
    exports2.isValidCorrelationId = isValidCorrelationId;
    var node_crypto_1 = require('node:crypto');
    exports2.MAX_CORRELATION_ID_LENGTH = 128;
    var ALLOWED = /^[A-Za-z0-9._:~-]+$/;
    function newCorrelationId() {
      return (0, node_crypto_1.randomUUID)();
    }
    function isValidCorrelationId(value) {
      if (typeof value !== 'string') return false;
      if (value === lastValid) return true;
      const valid =
        value.length > 0 && value.length <= exports2.MAX_CORRELATION_ID_LENGTH && ALLOWED.test(value);
      if (valid) lastValid = value;
      return valid;
    }
    var lastValid = '\0';
  },
});

// packages/tracing/dist/correlation/context.js
var require_context = __commonJS({
  'packages/tracing/dist/correlation/context.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CORRELATION_KEY = void 0;
    exports2.correlationIdFrom = correlationIdFrom;
    exports2.withCorrelationId = withCorrelationId;
    exports2.getCorrelationId = getCorrelationId;
    exports2.getCorrelationAttributes = getCorrelationAttributes;
    exports2.withCorrelation = withCorrelation;
    var api_1 = require('@opentelemetry/api');
    var id_1 = require_id();
    exports2.CORRELATION_KEY = 'correlation.id';
    function correlationIdFrom(ctx) {
      const value = api_1.propagation.getBaggage(ctx)?.getEntry(exports2.CORRELATION_KEY)?.value;
      return (0, id_1.isValidCorrelationId)(value) ? value : void 0;
    }
    var EMPTY_BAGGAGE = api_1.propagation.createBaggage();
    function withCorrelationId(ctx, id) {
      const baggage = api_1.propagation.getBaggage(ctx);
      return api_1.propagation.setBaggage(
        ctx,
        baggage === void 0
          ? EMPTY_BAGGAGE.setEntry(exports2.CORRELATION_KEY, { value: id })
          : baggage.setEntry(exports2.CORRELATION_KEY, { value: id }),
      );
    }
    function getCorrelationId() {
      return correlationIdFrom(api_1.context.active());
    }
    var ATTRIBUTES_KEY = /* @__PURE__ */ Symbol.for('otelkit.correlation.attributes');
    function getCorrelationAttributes(ctx = api_1.context.active()) {
      return ctx.getValue(ATTRIBUTES_KEY);
    }
    function withCorrelation(scope, fn) {
      const { id, ...rest } = scope ?? {};
      const attributes = {};
      for (const key of Object.keys(rest)) {
        const value = rest[key];
        if (value !== void 0) attributes[key === 'operation' ? 'otelkit.operation' : key] = value;
      }
      let ctx = withCorrelationId(
        api_1.context.active(),
        (0, id_1.isValidCorrelationId)(id) ? id : (0, id_1.newCorrelationId)(),
      );
      if (Object.keys(attributes).length > 0) ctx = ctx.setValue(ATTRIBUTES_KEY, Object.freeze(attributes));
      return api_1.context.with(ctx, fn);
    }
  },
});

// packages/tracing/dist/http/request-state.js
var require_request_state = __commonJS({
  'packages/tracing/dist/http/request-state.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.SERVER_STATE_KEY = void 0;
    exports2.noteRequestThrew = noteRequestThrew;
    exports2.requestThatThrew = requestThatThrew;
    exports2.setHttpRoute = setHttpRoute;
    var api_1 = require('@opentelemetry/api');
    exports2.SERVER_STATE_KEY = /* @__PURE__ */ Symbol.for('otelkit.http.server.state');
    var thrown;
    function noteRequestThrew(state, error) {
      thrown = { state, error };
    }
    function requestThatThrew(error) {
      return thrown !== void 0 && thrown.error === error ? thrown.state : void 0;
    }
    function setHttpRoute(route, ctx = api_1.context.active()) {
      const state = ctx.getValue(exports2.SERVER_STATE_KEY);
      if (state !== void 0 && typeof route === 'string' && route.length <= 256) state.route = route;
    }
  },
});

// packages/tracing/dist/logs/fields.js
var require_fields = __commonJS({
  'packages/tracing/dist/logs/fields.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.logCorrelationFields = logCorrelationFields;
    var api_1 = require('@opentelemetry/api');
    var context_1 = require_context();
    function logCorrelationFields() {
      const ctx = api_1.context.active();
      const fields = {};
      const span = api_1.trace.getSpan(ctx);
      if (span !== void 0) {
        const sc = span.spanContext();
        if (api_1.trace.isSpanContextValid(sc)) {
          fields.trace_id = sc.traceId;
          fields.span_id = sc.spanId;
          fields.trace_flags = `0${(sc.traceFlags & 255).toString(16)}`.slice(-2);
        }
      }
      const id = (0, context_1.correlationIdFrom)(ctx);
      if (id !== void 0) fields.correlation_id = id;
      return fields;
    }
  },
});

// packages/tracing/dist/redact/redact.js
var require_redact = __commonJS({
  'packages/tracing/dist/redact/redact.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.REDACTED = void 0;
    exports2.isSecretKey = isSecretKey;
    exports2.redactString = redactString;
    exports2.redactValue = redactValue;
    exports2.REDACTED = '[REDACTED]';
    var SECRET_FRAGMENTS = [
      'password',
      'passwd',
      'pwd',
      'secret',
      'token',
      'apikey',
      'accesskey',
      'privatekey',
      'authorization',
      'cookie',
      'credential',
      'session',
    ];
    var SECRET_KEY = new RegExp(SECRET_FRAGMENTS.join('|'));
    var SEPARATORS = /[-_.\s]/g;
    function isSecretKey(key) {
      return SECRET_KEY.test(key.toLowerCase().replace(SEPARATORS, ''));
    }
    var SCHEME_TOKEN = /\b(bearer|basic|token|digest|negotiate)(\s+|%20|\+)[^\s,;"'<>&)\]}]+/gi;
    var USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/\s?#@"'<>]*@/gi;
    var KEY_VALUE = new RegExp(
      `([a-z0-9_.-]{0,32}(?:${SECRET_FRAGMENTS.join('|')}|api[-_.]?key|access[-_.]?key|private[-_.]?key)[a-z0-9_.-]{0,32}"?[ \\t]{0,8}[=:][ \\t]{0,8}"?)([^\\s&,;"'<>]+)`,
      'gi',
    );
    var QUICK = /bearer|basic|token|digest|negotiate|:\/\/|=|:/i;
    function redactString(text) {
      if (!QUICK.test(text)) return text;
      return text
        .replace(SCHEME_TOKEN, (_m, scheme, space) => `${scheme}${space}${exports2.REDACTED}`)
        .replace(USERINFO, (_m, scheme) => `${scheme}${exports2.REDACTED}@`)
        .replace(KEY_VALUE, (_m, key) => `${key}${exports2.REDACTED}`);
    }
    var MAX_DEPTH = 10;
    function redactValue(value, depth = 0, seen = /* @__PURE__ */ new WeakSet()) {
      if (typeof value === 'string') return redactString(value);
      if (value === null || typeof value !== 'object') return value;
      if (seen.has(value)) return '[Circular]';
      if (depth >= MAX_DEPTH) return '[Truncated]';
      seen.add(value);
      try {
        if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
        if (value instanceof Error) return redactError(value, depth, seen);
        if (value instanceof Map) {
          const out2 = {};
          for (const [k, v] of value)
            out2[String(k)] = isSecretKey(String(k)) ? exports2.REDACTED : redactValue(v, depth + 1, seen);
          return out2;
        }
        if (value instanceof Date || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return value;
        const out = {};
        for (const key of Object.keys(value)) {
          const v = value[key];
          out[key] =
            isSecretKey(key) && v !== void 0 && v !== null
              ? exports2.REDACTED
              : redactValue(v, depth + 1, seen);
        }
        return out;
      } finally {
        seen.delete(value);
      }
    }
    function redactError(error, depth, seen) {
      const out = { type: error.name, message: redactString(error.message) };
      if (error.stack !== void 0) out.stack = redactString(error.stack);
      for (const key of Object.keys(error)) {
        const v = error[key];
        out[key] = isSecretKey(key) ? exports2.REDACTED : redactValue(v, depth + 1, seen);
      }
      if (error.cause !== void 0) out.cause = redactValue(error.cause, depth + 1, seen);
      return out;
    }
  },
});

// packages/tracing/dist/logs/logger.js
var require_logger = __commonJS({
  'packages/tracing/dist/logs/logger.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.setLogServiceName = setLogServiceName;
    exports2.otelkitPinoOptions = otelkitPinoOptions;
    exports2.createLogger = createLogger;
    var redact_1 = require_redact();
    var fields_1 = require_fields();
    var defaultServiceName;
    function loadPino() {
      const mod = require('pino');
      return mod.default ?? mod;
    }
    function setLogServiceName(name) {
      defaultServiceName = name;
    }
    function serviceName() {
      return defaultServiceName ?? process.env.OTEL_SERVICE_NAME?.trim() ?? 'unknown_service:node';
    }
    function otelkitPinoOptions() {
      return {
        mixin: () => ({ 'service.name': serviceName(), ...(0, fields_1.logCorrelationFields)() }),
        hooks: {
          logMethod(args, method) {
            const clean = new Array(args.length);
            for (let i = 0; i < args.length; i++) clean[i] = (0, redact_1.redactValue)(args[i]);
            method.apply(this, clean);
          },
        },
        formatters: {
          bindings: (bindings) => (0, redact_1.redactValue)(bindings),
        },
      };
    }
    function createLogger(options) {
      const level = options.level ?? levelFromEnv();
      const pinoOptions = { name: options.name, level, ...otelkitPinoOptions() };
      return redactChildBindings(
        options.destination === void 0
          ? loadPino()(pinoOptions)
          : loadPino()(pinoOptions, options.destination),
      );
    }
    function redactChildBindings(logger) {
      const child = logger.child.bind(logger);
      const wrapped = (bindings, options) =>
        redactChildBindings(child((0, redact_1.redactValue)(bindings), options));
      logger.child = wrapped;
      return logger;
    }
    var LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];
    function levelFromEnv() {
      const raw = process.env.LOG_LEVEL?.trim().toLowerCase();
      return LEVELS.find((l) => l === raw) ?? 'info';
    }
  },
});

// packages/tracing/dist/record-failure.js
var require_record_failure = __commonJS({
  'packages/tracing/dist/record-failure.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.recordFailure = recordFailure;
    var api_1 = require('@opentelemetry/api');
    var core_1 = require_dist();
    function recordFailure(span, error) {
      if (error instanceof Error) span.recordException(error);
      else span.recordException({ name: 'Error', message: String(error) });
      span.setAttribute('error.type', (0, core_1.errorType)(error));
      span.setStatus({
        code: api_1.SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  },
});

// packages/tracing/dist/version.js
var require_version2 = __commonJS({
  'packages/tracing/dist/version.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.VERSION = void 0;
    exports2.VERSION = '0.1.0';
  },
});

// packages/tracing/dist/traced.js
var require_traced = __commonJS({
  'packages/tracing/dist/traced.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.traced = traced;
    exports2.Traced = Traced;
    var api_1 = require('@opentelemetry/api');
    var record_failure_1 = require_record_failure();
    var version_1 = require_version2();
    function isThenable(value) {
      return value !== null && typeof value === 'object' && typeof value.then === 'function';
    }
    function fail(span, error) {
      (0, record_failure_1.recordFailure)(span, error);
      span.end();
    }
    function traced(name, fn, options = {}) {
      const tracer = options.tracer ?? api_1.trace.getTracer('@otelkit/tracing', version_1.VERSION);
      const span = tracer.startSpan(name, { attributes: options.attributes, kind: options.kind });
      let ended = false;
      const endOnce = (error, failed = false) => {
        if (ended) return;
        ended = true;
        if (!span.isRecording()) return;
        if (failed) fail(span, error);
        else span.end();
      };
      let result;
      try {
        result = api_1.context.with(api_1.trace.setSpan(api_1.context.active(), span), fn, void 0, span);
      } catch (error) {
        endOnce(error, true);
        throw error;
      }
      if (!isThenable(result)) {
        endOnce();
        return result;
      }
      return result.then(
        (value) => {
          endOnce();
          return value;
        },
        (error) => {
          endOnce(error, true);
          throw error;
        },
      );
    }
    function Traced(name, options = {}) {
      return (method, decorator) => {
        const methodName = String(decorator.name);
        return function tracedMethod(...args) {
          const owner = this?.constructor?.name;
          const spanName =
            name ?? (owner !== void 0 && owner !== 'Object' ? `${owner}.${methodName}` : methodName);
          return traced(spanName, () => method.apply(this, args), options);
        };
      };
    }
  },
});

// packages/tracing/dist/export/counting-exporter.js
var require_counting_exporter = __commonJS({
  'packages/tracing/dist/export/counting-exporter.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CountingSpanExporter = void 0;
    var api_1 = require('@opentelemetry/api');
    var core_1 = require('@opentelemetry/core');
    var CountingSpanExporter = class {
      inner;
      stats;
      name;
      /** Spans handed to {@link export} since start. */
      exported = 0;
      warned = false;
      constructor(inner, stats, name) {
        this.inner = inner;
        this.stats = stats;
        this.name = name;
      }
      export(spans, resultCallback) {
        this.exported += spans.length;
        const done = (result) => {
          if (result.code === core_1.ExportResultCode.SUCCESS) {
            this.stats.success('traces', this.name);
            this.warned = false;
          } else {
            this.stats.failure('traces', this.name, spans.length);
            if (!this.warned) {
              this.warned = true;
              api_1.diag.warn(
                `otelkit: span export (${this.name}) failed: ${result.error?.message ?? 'unknown error'}; ${spans.length} spans lost`,
              );
            }
          }
          resultCallback(result);
        };
        try {
          this.inner.export(spans, done);
        } catch (error) {
          done({
            code: core_1.ExportResultCode.FAILED,
            error: error instanceof Error ? error : new Error(String(error)),
          });
        }
      }
      shutdown() {
        return this.inner.shutdown();
      }
      forceFlush() {
        return this.inner.forceFlush?.() ?? Promise.resolve();
      }
    };
    exports2.CountingSpanExporter = CountingSpanExporter;
  },
});

// packages/tracing/dist/export/counting-batch-processor.js
var require_counting_batch_processor = __commonJS({
  'packages/tracing/dist/export/counting-batch-processor.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CountingBatchProcessor = void 0;
    var api_1 = require('@opentelemetry/api');
    var sdk_trace_1 = require('@opentelemetry/sdk-trace');
    var counting_exporter_1 = require_counting_exporter();
    var CountingBatchProcessor = class {
      stats;
      name;
      settings;
      batch;
      exporter;
      accepted = 0;
      constructor(exporter, stats, name, settings) {
        this.stats = stats;
        this.name = name;
        this.settings = settings;
        this.exporter = new counting_exporter_1.CountingSpanExporter(exporter, stats, name);
        this.batch = new sdk_trace_1.BatchSpanProcessor({
          exporter: this.exporter,
          scheduledDelayMillis: settings.scheduledDelayMs,
          exportTimeoutMillis: settings.exportTimeoutMs,
          maxQueueSize: settings.maxQueueSize,
          maxExportBatchSize: settings.maxExportBatchSize,
        });
      }
      onStart(span, parentContext) {
        this.batch.onStart(span, parentContext);
      }
      onEnd(span) {
        if ((span.spanContext().traceFlags & api_1.TraceFlags.SAMPLED) === 0) return;
        if (this.accepted - this.exporter.exported >= this.settings.maxQueueSize) {
          this.stats.dropped('traces', this.name, 1);
          return;
        }
        this.accepted++;
        this.batch.onEnd(span);
      }
      forceFlush() {
        return this.batch.forceFlush();
      }
      shutdown() {
        return this.batch.shutdown();
      }
    };
    exports2.CountingBatchProcessor = CountingBatchProcessor;
  },
});

// packages/tracing/dist/export/export-protocol.js
var require_export_protocol = __commonJS({
  'packages/tracing/dist/export/export-protocol.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CRASH_FAILED = exports2.CRASH_SENT = exports2.CRASH_PENDING = void 0;
    exports2.CRASH_PENDING = 0;
    exports2.CRASH_SENT = 1;
    exports2.CRASH_FAILED = 2;
  },
});

// packages/tracing/dist/export/span-record.js
var require_span_record = __commonJS({
  'packages/tracing/dist/export/span-record.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.toSpanBatch = toSpanBatch;
    exports2.fromSpanBatch = fromSpanBatch;
    var api_1 = require('@opentelemetry/api');
    var resources_1 = require('@opentelemetry/resources');
    var FIELDS = 21;
    function toLinkRecord(link) {
      return {
        traceId: link.context.traceId,
        spanId: link.context.spanId,
        traceFlags: link.context.traceFlags,
        traceState: link.context.traceState?.serialize(),
        isRemote: link.context.isRemote,
        attributes: link.attributes,
        droppedAttributesCount: link.droppedAttributesCount,
      };
    }
    function toSpanBatch(spans) {
      const resources = [];
      const resourceSources = [];
      const scopes = [];
      const extras = [];
      const keyIndex = /* @__PURE__ */ new Map();
      const data = [];
      let lastResource;
      let resourceAt = -1;
      let lastScope;
      let scopeAt = -1;
      for (const span of spans) {
        const sc = span.spanContext();
        const parent = span.parentSpanContext;
        if (span.resource !== lastResource) {
          lastResource = span.resource;
          resourceAt = resourceSources.indexOf(lastResource);
          if (resourceAt === -1) {
            resourceSources.push(lastResource);
            resourceAt =
              resources.push({ attributes: lastResource.attributes, schemaUrl: lastResource.schemaUrl }) - 1;
          }
        }
        if (span.instrumentationScope !== lastScope) {
          const scope = span.instrumentationScope;
          lastScope = scope;
          scopeAt = scopes.findIndex(
            (s) => s.name === scope.name && s.version === scope.version && s.schemaUrl === scope.schemaUrl,
          );
          if (scopeAt === -1) {
            scopeAt =
              scopes.push({ name: scope.name, version: scope.version, schemaUrl: scope.schemaUrl }) - 1;
          }
        }
        const countAt =
          data.push(
            sc.traceId,
            sc.spanId,
            sc.traceFlags,
            sc.traceState?.serialize(),
            parent?.spanId,
            parent?.isRemote,
            span.name,
            span.kind,
            span.startTime[0],
            span.startTime[1],
            span.endTime[0],
            span.endTime[1],
            span.status.code,
            span.status.message,
            span.droppedAttributesCount,
            span.droppedEventsCount,
            span.droppedLinksCount,
            resourceAt,
            scopeAt,
            span.events.length > 0 || span.links.length > 0
              ? extras.push({ events: span.events, links: span.links.map(toLinkRecord) }) - 1
              : -1,
            0,
          ) - 1;
        let count = 0;
        const attributes = span.attributes;
        for (const key in attributes) {
          let index = keyIndex.get(key);
          if (index === void 0) {
            index = keyIndex.size;
            keyIndex.set(key, index);
          }
          data.push(index, attributes[key]);
          count++;
        }
        data[countAt] = count;
      }
      return { resources, scopes, keys: [...keyIndex.keys()], extras, data };
    }
    function toResource(record) {
      return (0, resources_1.resourceFromAttributes)(
        record.attributes,
        record.schemaUrl === void 0 ? void 0 : { schemaUrl: record.schemaUrl },
      );
    }
    function spanContextOf(traceId, spanId, traceFlags, traceState, isRemote) {
      return {
        traceId,
        spanId,
        traceFlags,
        isRemote,
        traceState: traceState === void 0 ? void 0 : (0, api_1.createTraceState)(traceState),
      };
    }
    var NO_EXTRAS = { events: [], links: [] };
    function fromSpanBatch(batch) {
      const resources = batch.resources.map(toResource);
      const { data, keys } = batch;
      const spans = [];
      let at = 0;
      while (at < data.length) {
        const traceId = data[at];
        const traceFlags = data[at + 2];
        const parentSpanId = data[at + 4];
        const context = spanContextOf(traceId, data[at + 1], traceFlags, data[at + 3], false);
        const startTime = [data[at + 8], data[at + 9]];
        const endTime = [data[at + 10], data[at + 11]];
        const message = data[at + 13];
        const extrasIndex = data[at + 19];
        const extras = extrasIndex === -1 ? NO_EXTRAS : batch.extras[extrasIndex];
        const attributeCount = data[at + 20];
        const attributes = {};
        for (let i = 0, p = at + FIELDS; i < attributeCount; i++, p += 2) {
          attributes[keys[data[p]]] = data[p + 1];
        }
        spans.push({
          name: data[at + 6],
          kind: data[at + 7],
          spanContext: () => context,
          parentSpanContext:
            parentSpanId === void 0
              ? void 0
              : { traceId, spanId: parentSpanId, traceFlags, isRemote: data[at + 5] },
          startTime,
          endTime,
          duration: durationOf(startTime, endTime),
          status: message === void 0 ? { code: data[at + 12] } : { code: data[at + 12], message },
          attributes,
          links: extras.links.map((l) => ({
            context: spanContextOf(l.traceId, l.spanId, l.traceFlags, l.traceState, l.isRemote),
            attributes: l.attributes,
            droppedAttributesCount: l.droppedAttributesCount,
          })),
          events: extras.events,
          ended: true,
          resource: resources[data[at + 17]],
          instrumentationScope: batch.scopes[data[at + 18]],
          droppedAttributesCount: data[at + 14],
          droppedEventsCount: data[at + 15],
          droppedLinksCount: data[at + 16],
        });
        at += FIELDS + 2 * attributeCount;
      }
      return spans;
    }
    function durationOf(start, end) {
      let seconds = end[0] - start[0];
      let nanos = end[1] - start[1];
      if (nanos < 0) {
        seconds -= 1;
        nanos += 1e9;
      }
      return [seconds, nanos];
    }
  },
});

// packages/tracing/dist/export/worker-exporter.js
var require_worker_exporter = __commonJS({
  'packages/tracing/dist/export/worker-exporter.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.WorkerSpanExporter = exports2.EXPORT_WORKER_FILE = void 0;
    var node_path_1 = require('node:path');
    var node_worker_threads_12 = require('node:worker_threads');
    var api_1 = require('@opentelemetry/api');
    var core_1 = require('@opentelemetry/core');
    var span_record_1 = require_span_record();
    exports2.EXPORT_WORKER_FILE =
      (0, node_path_1.extname)(__filename) === '.ts'
        ? (0, node_path_1.join)(__dirname, '..', '..', 'dist', 'export', 'export-worker.js')
        : (0, node_path_1.join)(__dirname, 'export-worker.js');
    function failed(error) {
      return {
        code: core_1.ExportResultCode.FAILED,
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
    var WorkerSpanExporter = class {
      data;
      createLocal;
      workerFile;
      worker;
      /** The in-thread exporter, once the worker could not run. */
      local;
      pending = /* @__PURE__ */ new Map();
      waiting = [];
      nextId = 1;
      stopped = false;
      /**
       * @param data What the export thread builds its exporter from.
       * @param createLocal Builds the same exporter in this thread (the fallback).
       * @param workerFile The thread's entry (tests start a failing one).
       */
      constructor(data, createLocal, workerFile = exports2.EXPORT_WORKER_FILE) {
        this.data = data;
        this.createLocal = createLocal;
        this.workerFile = workerFile;
      }
      export(spans, resultCallback) {
        if (this.stopped) {
          resultCallback(failed(new Error('span exporter is shut down')));
          return;
        }
        const worker = this.local === void 0 ? this.thread() : void 0;
        if (worker === void 0) {
          this.fallback().export(spans, resultCallback);
          return;
        }
        const id = this.nextId++;
        this.send(
          worker,
          { type: 'export', id, batch: (0, span_record_1.toSpanBatch)(spans) },
          resultCallback,
          spans,
        );
      }
      /** Resolves once every batch handed over so far has its outcome. */
      async forceFlush() {
        if (this.pending.size > 0) await new Promise((resolve) => this.waiting.push(resolve));
        await this.local?.forceFlush?.();
      }
      /** Lets the export thread finish its requests, then stops it. */
      async shutdown() {
        this.stopped = true;
        const worker = this.worker;
        if (worker !== void 0) {
          await new Promise((resolve) =>
            this.send(worker, { type: 'shutdown', id: this.nextId++ }, () => resolve()),
          );
          this.worker = void 0;
          await worker.terminate();
        }
        await this.local?.shutdown();
      }
      send(worker, request, callback, spans) {
        this.pending.set(request.id, { callback, spans });
        if (this.pending.size === 1) worker.ref();
        try {
          worker.postMessage(request);
        } catch (error) {
          this.settle(request.id, failed(error));
        }
      }
      settle(id, result) {
        const pending = this.pending.get(id);
        if (pending === void 0) return;
        this.pending.delete(id);
        if (this.pending.size === 0) {
          this.worker?.unref();
          for (const resolve of this.waiting.splice(0)) resolve();
        }
        pending.callback(result);
      }
      thread() {
        if (this.worker !== void 0) return this.worker;
        try {
          const worker = new node_worker_threads_12.Worker(this.workerFile, {
            workerData: this.data,
            name: 'otelkit span export',
          });
          worker.unref();
          worker.on('message', (reply) =>
            this.settle(
              reply.id,
              reply.ok ? { code: core_1.ExportResultCode.SUCCESS } : failed(new Error(reply.error)),
            ),
          );
          worker.on('error', (error) => this.lost(worker, error));
          worker.on('exit', (code) => this.lost(worker, new Error(`export thread exited with code ${code}`)));
          this.worker = worker;
          return worker;
        } catch (error) {
          api_1.diag.warn(
            `otelkit: span export thread not started (${String(error)}); exporting on the main thread`,
          );
          return void 0;
        }
      }
      /** The export thread is gone: export what it held, and everything after, in this thread. */
      lost(worker, error) {
        if (this.worker !== worker) return;
        this.worker = void 0;
        if (!this.stopped) {
          api_1.diag.warn(
            `otelkit: span export thread stopped (${error.message}); exporting on the main thread`,
          );
        }
        for (const [id, { spans }] of [...this.pending]) {
          if (spans === void 0 || this.stopped) this.settle(id, failed(error));
          else this.fallback().export(spans, (result) => this.settle(id, result));
        }
      }
      fallback() {
        this.local ??= this.createLocal();
        return this.local;
      }
    };
    exports2.WorkerSpanExporter = WorkerSpanExporter;
  },
});

// packages/tracing/dist/export/crash-flush.js
var require_crash_flush = __commonJS({
  'packages/tracing/dist/export/crash-flush.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CrashFlush = void 0;
    var node_worker_threads_12 = require('node:worker_threads');
    var api_1 = require('@opentelemetry/api');
    var core_1 = require('@opentelemetry/core');
    var request_state_1 = require_request_state();
    var record_failure_1 = require_record_failure();
    var export_protocol_1 = require_export_protocol();
    var span_record_1 = require_span_record();
    var worker_exporter_1 = require_worker_exporter();
    function failSpan(span, error) {
      if (!span.isRecording()) return;
      (0, record_failure_1.recordFailure)(span, error);
      span.end();
    }
    var CrashFlush = class {
      options;
      /** Batches handed over while crashing, with the callbacks that report their outcome. */
      collected;
      constructor(options) {
        this.options = options;
      }
      /** `exporter`, except that while the process is crashing its batches are collected for one send. */
      wrap(exporter) {
        return {
          export: (spans, callback) => {
            if (this.collected !== void 0) this.collected.push({ spans, callback });
            else exporter.export(spans, callback);
          },
          shutdown: () => exporter.shutdown(),
          forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
        };
      }
      /**
       * Listens for uncaught exceptions; returns the function that stops listening.
       * @param flush Hands every buffered span to the exporters, synchronously (the tracer provider's
       *   `forceFlush`: the batch processors call `export` before their promise exists).
       */
      install(flush) {
        const monitor = (error) => {
          try {
            if (process.listenerCount('uncaughtException') > 0) return;
            if (process.hasUncaughtExceptionCaptureCallback()) return;
            this.crash(error, api_1.context.active(), flush);
          } catch {}
        };
        process.on('uncaughtExceptionMonitor', monitor);
        return () => {
          process.off('uncaughtExceptionMonitor', monitor);
        };
      }
      /**
       * Ends the spans of the work that failed (active in `ctx`), then sends every finished span not yet
       * exported before returning.
       */
      crash(error, ctx, flush) {
        const active = api_1.trace.getSpan(ctx);
        if (active !== void 0) failSpan(active, error);
        const threw = (0, request_state_1.requestThatThrew)(error);
        const request = ctx.getValue(request_state_1.SERVER_STATE_KEY) ?? threw;
        if (request !== void 0 && !request.ended) {
          request.ended = true;
          if (request !== threw) failSpan(request.span, error);
          else if (request.span.isRecording()) request.span.end();
        }
        const batches = [];
        this.collected = batches;
        try {
          flush().catch(() => {});
        } finally {
          this.collected = void 0;
        }
        const spans = batches.flatMap((batch) => batch.spans);
        const sent = spans.length > 0 && this.send(spans);
        const result = sent
          ? { code: core_1.ExportResultCode.SUCCESS }
          : {
              code: core_1.ExportResultCode.FAILED,
              error: new Error('spans not sent before the process exited'),
            };
        for (const { callback } of batches) callback(result);
      }
      /** One OTLP request from a new export thread, waited for here. */
      send(spans) {
        const signal = new SharedArrayBuffer(4);
        try {
          const worker = new node_worker_threads_12.Worker(worker_exporter_1.EXPORT_WORKER_FILE, {
            workerData: {
              ...this.options.exporter,
              crash: { batch: (0, span_record_1.toSpanBatch)(spans), signal },
            },
            name: 'otelkit crash export',
          });
          worker.unref();
        } catch {
          return false;
        }
        const state = new Int32Array(signal);
        Atomics.wait(state, 0, export_protocol_1.CRASH_PENDING, this.options.timeoutMs);
        return Atomics.load(state, 0) === export_protocol_1.CRASH_SENT;
      }
    };
    exports2.CrashFlush = CrashFlush;
  },
});

// packages/tracing/dist/export/enrich-processor.js
var require_enrich_processor = __commonJS({
  'packages/tracing/dist/export/enrich-processor.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.EnrichSpanProcessor = void 0;
    var context_1 = require_context();
    var redact_1 = require_redact();
    var NEEDS_STRING_CHECK = /bearer|basic|token|digest|negotiate|:\/\/|=|:/i;
    var secretKeys = /* @__PURE__ */ new Map();
    var MAX_KEYS = 2e3;
    function secretKey(key) {
      let secret = secretKeys.get(key);
      if (secret === void 0) {
        secret = (0, redact_1.isSecretKey)(key);
        if (secretKeys.size < MAX_KEYS) secretKeys.set(key, secret);
      }
      return secret;
    }
    function clean(key, value) {
      if (value === void 0) return void 0;
      if (secretKey(key)) return redact_1.REDACTED;
      if (typeof value === 'string')
        return NEEDS_STRING_CHECK.test(value) ? (0, redact_1.redactString)(value) : value;
      if (Array.isArray(value)) {
        let changed = false;
        const out = value.map((item) => {
          if (typeof item !== 'string') return item;
          const masked = (0, redact_1.redactString)(item);
          if (masked !== item) changed = true;
          return masked;
        });
        return changed ? out : value;
      }
      return value;
    }
    var EnrichSpanProcessor = class {
      onStart(span, parentContext) {
        const id = (0, context_1.correlationIdFrom)(parentContext);
        if (id !== void 0) span.setAttribute(context_1.CORRELATION_KEY, id);
        const attributes = (0, context_1.getCorrelationAttributes)(parentContext);
        if (attributes !== void 0) span.setAttributes(attributes);
      }
      onEnding(span) {
        const attributes = span.attributes;
        for (const key in attributes) {
          const value = attributes[key];
          const masked = clean(key, value);
          if (masked !== value) attributes[key] = masked;
        }
        for (const event of span.events) {
          const eventAttributes = event.attributes;
          if (eventAttributes === void 0) continue;
          for (const key in eventAttributes) {
            const value = eventAttributes[key];
            const masked = clean(key, value);
            if (masked !== value) eventAttributes[key] = masked;
          }
        }
        if (span.status.message !== void 0) {
          const message = (0, redact_1.redactString)(span.status.message);
          if (message !== span.status.message) span.setStatus({ ...span.status, message });
        }
      }
      onEnd(_span) {}
      forceFlush() {
        return Promise.resolve();
      }
      shutdown() {
        return Promise.resolve();
      }
    };
    exports2.EnrichSpanProcessor = EnrichSpanProcessor;
  },
});

// packages/tracing/dist/export/lazy-exporter.js
var require_lazy_exporter2 = __commonJS({
  'packages/tracing/dist/export/lazy-exporter.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LazySpanExporter = void 0;
    var LazySpanExporter = class {
      create;
      inner;
      constructor(create) {
        this.create = create;
      }
      get exporter() {
        this.inner ??= this.create();
        return this.inner;
      }
      export(spans, resultCallback) {
        this.exporter.export(spans, resultCallback);
      }
      async shutdown() {
        await this.inner?.shutdown();
      }
      async forceFlush() {
        await this.inner?.forceFlush?.();
      }
    };
    exports2.LazySpanExporter = LazySpanExporter;
  },
});

// packages/tracing/dist/http/semconv.js
var require_semconv = __commonJS({
  'packages/tracing/dist/http/semconv.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.normalizeMethod = normalizeMethod;
    exports2.pathOf = pathOf;
    exports2.parseHostHeader = parseHostHeader;
    exports2.statusErrorType = statusErrorType;
    var KNOWN_METHODS = /* @__PURE__ */ new Set([
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'CONNECT',
      'OPTIONS',
      'TRACE',
      'PATCH',
      'QUERY',
    ]);
    function normalizeMethod(method) {
      if (method === void 0) return 'GET';
      return KNOWN_METHODS.has(method) ? method : '_OTHER';
    }
    var MAX_PATH = 2048;
    function pathOf(target) {
      if (target === void 0 || target === '') return '/';
      let end = target.indexOf('?');
      if (end === -1) end = target.indexOf('#');
      const path = end === -1 ? target : target.slice(0, end);
      return path.length > MAX_PATH ? path.slice(0, MAX_PATH) : path;
    }
    var HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]{1,253})(?::(\d{1,5}))?$/;
    function parseHostHeader(host) {
      if (host === void 0) return void 0;
      const match = HOST.exec(host);
      if (match === null) return void 0;
      const address = match[1].startsWith('[') ? match[1].slice(1, -1) : match[1];
      return { address, port: match[2] === void 0 ? void 0 : Number(match[2]) };
    }
    function statusErrorType(status, client) {
      return status >= 500 || (client && status >= 400) ? String(status) : void 0;
    }
  },
});

// packages/tracing/dist/http/client-http.js
var require_client_http = __commonJS({
  'packages/tracing/dist/http/client-http.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.endClient = endClient;
    exports2.fullUrl = fullUrl;
    exports2.instrumentHttpClient = instrumentHttpClient;
    var node_diagnostics_channel_1 = require('node:diagnostics_channel');
    var node_module_1 = require('node:module');
    var api_1 = require('@opentelemetry/api');
    var core_1 = require('@opentelemetry/core');
    var redact_1 = require_redact();
    var semconv_1 = require_semconv();
    function endClient(state, status, error, metrics) {
      if (state.ended) return;
      state.ended = true;
      const seconds = (performance.now() - state.startMs) / 1e3;
      const span = state.span;
      let errorType;
      if (error !== void 0) {
        const code = error?.code;
        errorType = typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
        if (error instanceof Error) span.recordException(error);
      } else {
        span.setAttribute('http.response.status_code', status);
        errorType = (0, semconv_1.statusErrorType)(status, true);
      }
      if (errorType !== void 0) {
        span.setAttribute('error.type', errorType);
        span.setStatus({ code: api_1.SpanStatusCode.ERROR });
      }
      span.end();
      metrics?.record(seconds, { method: state.method, status, target: state.host, errorType });
    }
    function fullUrl(origin, path) {
      const url = origin + path;
      return url.includes('?') || url.includes('@') ? (0, redact_1.redactString)(url) : url;
    }
    var STATE = /* @__PURE__ */ Symbol('otelkit.http.client');
    var setter = {
      set(carrier, key, value) {
        carrier.setHeader(key, value);
      },
    };
    function instrumentHttpClient(modules, tracer, metrics) {
      const onRequest = (req, scheme) => {
        const parent = api_1.context.active();
        if ((0, core_1.isTracingSuppressed)(parent) || req[STATE] !== void 0) return;
        const method = (0, semconv_1.normalizeMethod)(req.method);
        const host = (0, semconv_1.parseHostHeader)(String(req.getHeader('host') ?? req.host));
        const port = host?.port ?? (scheme === 'https' ? 443 : 80);
        const address = host?.address ?? req.host;
        const span = tracer.startSpan(
          method,
          {
            kind: api_1.SpanKind.CLIENT,
            attributes: {
              'http.request.method': method,
              'server.address': address,
              'server.port': port,
              'url.full': fullUrl(
                `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}`,
                req.path,
              ),
            },
          },
          parent,
        );
        req[STATE] = { span, method, host: address, startMs: performance.now(), ended: false };
        if (!req.headersSent) api_1.propagation.inject(api_1.trace.setSpan(parent, span), req, setter);
      };
      const wrap = (original, scheme, end) =>
        function request(...args) {
          const req = Reflect.apply(original, this, args);
          try {
            onRequest(req, scheme);
          } catch {}
          if (end) req.end();
          return req;
        };
      const restores = [];
      for (const { module: module3, scheme } of modules) {
        const { request, get } = module3;
        module3.request = wrap(request, scheme, false);
        module3.get = wrap(request, scheme, true);
        restores.push(() => {
          module3.request = request;
          module3.get = get;
        });
      }
      (0, node_module_1.syncBuiltinESMExports)();
      const onResponse = (message) => {
        const { request, response: response2 } = message;
        const state = request[STATE];
        if (state !== void 0) endClient(state, response2.statusCode ?? 0, void 0, metrics);
      };
      const onError = (message) => {
        const { request, error: error2 } = message;
        const state = request[STATE];
        if (state !== void 0) endClient(state, 0, error2 ?? new Error('request failed'), metrics);
      };
      const response = (0, node_diagnostics_channel_1.channel)('http.client.response.finish');
      const error = (0, node_diagnostics_channel_1.channel)('http.client.request.error');
      response.subscribe(onResponse);
      error.subscribe(onError);
      return () => {
        response.unsubscribe(onResponse);
        error.unsubscribe(onError);
        for (const restore of restores) restore();
        (0, node_module_1.syncBuiltinESMExports)();
      };
    }
  },
});

// packages/tracing/dist/http/client-fetch.js
var require_client_fetch = __commonJS({
  'packages/tracing/dist/http/client-fetch.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.instrumentFetch = instrumentFetch;
    var node_diagnostics_channel_1 = require('node:diagnostics_channel');
    var api_1 = require('@opentelemetry/api');
    var core_1 = require('@opentelemetry/core');
    var client_http_1 = require_client_http();
    var semconv_1 = require_semconv();
    var STATE = /* @__PURE__ */ Symbol('otelkit.fetch');
    var setter = {
      set(carrier, key, value) {
        carrier.addHeader(key, value);
      },
    };
    function instrumentFetch(tracer, metrics) {
      const onCreate = (message) => {
        const request = message.request;
        const parent = api_1.context.active();
        if ((0, core_1.isTracingSuppressed)(parent)) return;
        let url;
        try {
          url = new URL(request.origin);
        } catch {
          return;
        }
        const method = (0, semconv_1.normalizeMethod)(request.method);
        const scheme = url.protocol === 'https:' ? 'https' : 'http';
        const port = url.port === '' ? (scheme === 'https' ? 443 : 80) : Number(url.port);
        const span = tracer.startSpan(
          method,
          {
            kind: api_1.SpanKind.CLIENT,
            attributes: {
              'http.request.method': method,
              'server.address': url.hostname,
              'server.port': port,
              'url.full': (0, client_http_1.fullUrl)(`${scheme}://${url.host}`, request.path),
            },
          },
          parent,
        );
        request[STATE] = { span, method, host: url.hostname, startMs: performance.now(), ended: false };
        try {
          api_1.propagation.inject(api_1.trace.setSpan(parent, span), request, setter);
        } catch {}
      };
      const onHeaders = (message) => {
        const { request, response } = message;
        const state = request[STATE];
        if (state !== void 0) (0, client_http_1.endClient)(state, response.statusCode, void 0, metrics);
      };
      const onError = (message) => {
        const { request, error: error2 } = message;
        const state = request[STATE];
        if (state !== void 0)
          (0, client_http_1.endClient)(state, 0, error2 ?? new Error('fetch failed'), metrics);
      };
      const create = (0, node_diagnostics_channel_1.channel)('undici:request:create');
      const headers = (0, node_diagnostics_channel_1.channel)('undici:request:headers');
      const error = (0, node_diagnostics_channel_1.channel)('undici:request:error');
      create.subscribe(onCreate);
      headers.subscribe(onHeaders);
      error.subscribe(onError);
      return () => {
        create.unsubscribe(onCreate);
        headers.unsubscribe(onHeaders);
        error.unsubscribe(onError);
      };
    }
  },
});

// packages/tracing/dist/http/bounded-cache.js
var require_bounded_cache = __commonJS({
  'packages/tracing/dist/http/bounded-cache.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.BoundedCache = void 0;
    var BoundedCache = class {
      limit;
      map = /* @__PURE__ */ new Map();
      constructor(limit) {
        this.limit = limit;
      }
      /** The cached value of `key`, made by `make` on first use while there is room. */
      get(key, make) {
        let value = this.map.get(key);
        if (value === void 0 && this.map.size < this.limit) {
          value = make();
          this.map.set(key, value);
        }
        return value;
      }
    };
    exports2.BoundedCache = BoundedCache;
  },
});

// packages/tracing/dist/http/red-metrics.js
var require_red_metrics = __commonJS({
  'packages/tracing/dist/http/red-metrics.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RedHistogram = void 0;
    var bounded_cache_1 = require_bounded_cache();
    var CACHE_SIZE = 512;
    var RedHistogram = class {
      targetKey;
      histogram;
      cache = new bounded_cache_1.BoundedCache(CACHE_SIZE);
      constructor(meter, name, description, targetKey) {
        this.targetKey = targetKey;
        this.histogram = meter.createHistogram(name, { description, unit: 's' });
      }
      /** Records `seconds` for `outcome`. */
      record(seconds, outcome) {
        const key = `${outcome.method}\0${outcome.status}\0${outcome.target ?? ''}\0${outcome.errorType ?? ''}`;
        const bound = this.cache.get(key, () => this.histogram.bind(this.attributes(outcome)));
        if (bound !== void 0) bound.record(seconds);
        else this.histogram.record(seconds, this.attributes(outcome));
      }
      attributes(outcome) {
        const attributes = { 'http.request.method': outcome.method };
        if (outcome.status > 0) attributes['http.response.status_code'] = outcome.status;
        if (outcome.target !== void 0) attributes[this.targetKey] = outcome.target;
        if (outcome.errorType !== void 0) attributes['error.type'] = outcome.errorType;
        return attributes;
      }
    };
    exports2.RedHistogram = RedHistogram;
  },
});

// packages/tracing/dist/http/linked-context.js
var require_linked_context = __commonJS({
  'packages/tracing/dist/http/linked-context.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.LinkedContext = void 0;
    var MAX_DEPTH = 16;
    var ABSENT = /* @__PURE__ */ Symbol('otelkit.context.absent');
    var LinkedContext = class _LinkedContext {
      parent;
      key;
      value;
      depth;
      flat;
      constructor(parent, key, value, depth, flat) {
        this.parent = parent;
        this.key = key;
        this.value = value;
        this.depth = depth;
        this.flat = flat;
      }
      /** An empty context to derive a request's context from. */
      static root() {
        return new _LinkedContext(void 0, void 0, void 0, 0, void 0);
      }
      getValue(key) {
        let node = this;
        while (node !== void 0) {
          if (node.flat !== void 0) {
            const value = node.flat.get(key);
            return value === ABSENT ? void 0 : value;
          }
          if (node.key === key) return node.value === ABSENT ? void 0 : node.value;
          node = node.parent;
        }
        return void 0;
      }
      setValue(key, value) {
        return this.derive(key, value);
      }
      deleteValue(key) {
        return this.derive(key, ABSENT);
      }
      derive(key, value) {
        if (this.depth < MAX_DEPTH) return new _LinkedContext(this, key, value, this.depth + 1, void 0);
        const entries = /* @__PURE__ */ new Map();
        this.collect(entries);
        entries.set(key, value);
        return new _LinkedContext(void 0, void 0, void 0, 0, entries);
      }
      /** Every key along the chain, nearest first (a deleted key keeps its `ABSENT` mark). */
      collect(into) {
        let node = this;
        while (node !== void 0) {
          if (node.flat !== void 0) {
            for (const [k, v] of node.flat) if (!into.has(k)) into.set(k, v);
            return;
          }
          if (node.key !== void 0 && !into.has(node.key)) into.set(node.key, node.value);
          node = node.parent;
        }
      }
    };
    exports2.LinkedContext = LinkedContext;
  },
});

// packages/tracing/dist/http/server.js
var require_server2 = __commonJS({
  'packages/tracing/dist/http/server.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.instrumentServers = instrumentServers;
    var node_diagnostics_channel_1 = require('node:diagnostics_channel');
    var api_1 = require('@opentelemetry/api');
    var context_1 = require_context();
    var id_1 = require_id();
    var record_failure_1 = require_record_failure();
    var bounded_cache_1 = require_bounded_cache();
    var linked_context_1 = require_linked_context();
    var request_state_1 = require_request_state();
    var semconv_1 = require_semconv();
    var INTERNAL_SERVER = /* @__PURE__ */ Symbol.for('otelkit.internal-server');
    var REQUEST_ROOT = linked_context_1.LinkedContext.root();
    var hosts = new bounded_cache_1.BoundedCache(256);
    function hostOf(header) {
      if (header === void 0) return void 0;
      const cached = hosts.get(header, () => (0, semconv_1.parseHostHeader)(header) ?? null);
      if (cached === void 0) return (0, semconv_1.parseHostHeader)(header);
      return cached ?? void 0;
    }
    var STATE = /* @__PURE__ */ Symbol('otelkit.http.server');
    function correlationOf(req, parent) {
      const header = req.headers['x-correlation-id'] ?? req.headers['x-request-id'];
      if ((0, id_1.isValidCorrelationId)(header)) return (0, context_1.withCorrelationId)(parent, header);
      if ((0, context_1.correlationIdFrom)(parent) !== void 0) return parent;
      return (0, context_1.withCorrelationId)(parent, (0, id_1.newCorrelationId)());
    }
    function frameworkRoute(req) {
      const route = req.route;
      if (route === void 0 || typeof route.path !== 'string') return void 0;
      const base = req.baseUrl;
      return typeof base === 'string' ? base + route.path : route.path;
    }
    function instrumentServers(prototypes, options) {
      const { tracer, metrics, serverTiming } = options;
      const start = (req, res, scheme) => {
        const parent = correlationOf(req, api_1.propagation.extract(REQUEST_ROOT, req.headers));
        const method = (0, semconv_1.normalizeMethod)(req.method);
        const attributes = {
          'http.request.method': method,
          'url.path': (0, semconv_1.pathOf)(req.url),
          'url.scheme': scheme,
          'network.protocol.version': req.httpVersion,
        };
        if (method === '_OTHER') attributes['http.request.method_original'] = String(req.method).slice(0, 32);
        const host = hostOf(req.headers.host);
        if (host !== void 0) {
          attributes['server.address'] = host.address;
          if (host.port !== void 0) attributes['server.port'] = host.port;
        }
        const span = tracer.startSpan(method, { kind: api_1.SpanKind.SERVER, attributes }, parent);
        const state = {
          span,
          method,
          startMs: performance.now(),
          route: void 0,
          ended: false,
        };
        req[STATE] = state;
        if (serverTiming) {
          const sc = span.spanContext();
          if (sc.traceFlags & 1)
            res.setHeader('server-timing', `traceparent;desc="00-${sc.traceId}-${sc.spanId}-01"`);
        }
        return api_1.trace.setSpan(parent, span).setValue(request_state_1.SERVER_STATE_KEY, state);
      };
      const finish = (message) => {
        const { request, response } = message;
        const state = request[STATE];
        if (state === void 0 || state.ended) return;
        state.ended = true;
        const seconds = (performance.now() - state.startMs) / 1e3;
        const status = response.statusCode;
        const route = state.route ?? frameworkRoute(request);
        const errorType = (0, semconv_1.statusErrorType)(status, false);
        const span = state.span;
        span.setAttribute('http.response.status_code', status);
        if (route !== void 0) {
          span.setAttribute('http.route', route);
          span.updateName(`${state.method} ${route}`);
        }
        if (errorType !== void 0) {
          span.setAttribute('error.type', errorType);
          span.setStatus({ code: api_1.SpanStatusCode.ERROR });
        }
        span.end();
        metrics?.record(seconds, { method: state.method, status, target: route, errorType });
      };
      const failed = (req, error) => {
        const state = req[STATE];
        if (state === void 0 || state.ended) return;
        try {
          (0, record_failure_1.recordFailure)(state.span, error);
          (0, request_state_1.noteRequestThrew)(state, error);
        } catch {}
      };
      const restores = [];
      for (const { proto, scheme } of prototypes) {
        const hadOwn = Object.hasOwn(proto, 'emit');
        const original = proto.emit;
        proto.emit = function emit(event, req, res) {
          if (event !== 'request' || this[INTERNAL_SERVER] === true) {
            return Reflect.apply(original, this, arguments);
          }
          let ctx;
          try {
            ctx = start(req, res, scheme);
          } catch {
            return Reflect.apply(original, this, arguments);
          }
          try {
            return api_1.context.with(ctx, original, this, event, req, res);
          } catch (error) {
            failed(req, error);
            throw error;
          }
        };
        restores.push(() => {
          if (hadOwn) proto.emit = original;
          else delete proto.emit;
        });
      }
      const finished = (0, node_diagnostics_channel_1.channel)('http.server.response.finish');
      finished.subscribe(finish);
      return () => {
        finished.unsubscribe(finish);
        for (const restore of restores) restore();
      };
    }
  },
});

// packages/tracing/dist/http/instrument.js
var require_instrument = __commonJS({
  'packages/tracing/dist/http/instrument.js'(exports2) {
    var __importDefault =
      (exports2 && exports2.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.installHttpInstrumentation = installHttpInstrumentation;
    var node_http_1 = __importDefault(require('node:http'));
    var node_https_1 = __importDefault(require('node:https'));
    var client_fetch_1 = require_client_fetch();
    var client_http_1 = require_client_http();
    var red_metrics_1 = require_red_metrics();
    var server_1 = require_server2();
    function installHttpInstrumentation(tracer, meter, options) {
      const serverMetrics = options.metrics
        ? new red_metrics_1.RedHistogram(
            meter,
            'http.server.request.duration',
            'Duration of HTTP server requests.',
            'http.route',
          )
        : void 0;
      const clientMetrics = options.metrics
        ? new red_metrics_1.RedHistogram(
            meter,
            'http.client.request.duration',
            'Duration of HTTP client requests.',
            'server.address',
          )
        : void 0;
      const undo = [];
      if (options.server) {
        undo.push(
          (0, server_1.instrumentServers)(
            [
              { proto: node_http_1.default.Server.prototype, scheme: 'http' },
              { proto: node_https_1.default.Server.prototype, scheme: 'https' },
            ],
            { tracer, metrics: serverMetrics, serverTiming: options.serverTiming },
          ),
        );
      }
      if (options.client) {
        const modules = [
          { module: node_http_1.default, scheme: 'http' },
          { module: node_https_1.default, scheme: 'https' },
        ];
        undo.push((0, client_http_1.instrumentHttpClient)(modules, tracer, clientMetrics));
      }
      if (options.fetch) undo.push((0, client_fetch_1.instrumentFetch)(tracer, clientMetrics));
      return () => {
        for (const fn of undo.reverse()) fn();
      };
    }
  },
});

// packages/tracing/dist/id-generator.js
var require_id_generator = __commonJS({
  'packages/tracing/dist/id-generator.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.PooledIdGenerator = void 0;
    var node_crypto_1 = require('node:crypto');
    var POOL_BYTES = 4096;
    var INVALID_TRACE_ID = '0'.repeat(32);
    var INVALID_SPAN_ID = '0'.repeat(16);
    var PooledIdGenerator = class {
      bytes = Buffer.allocUnsafe(POOL_BYTES);
      hex = '';
      offset = 0;
      /** A random 32-character lowercase hex trace ID. */
      generateTraceId() {
        const id = this.take(32);
        return id === INVALID_TRACE_ID ? this.generateTraceId() : id;
      }
      /** A random 16-character lowercase hex span ID. */
      generateSpanId() {
        const id = this.take(16);
        return id === INVALID_SPAN_ID ? this.generateSpanId() : id;
      }
      take(chars) {
        if (this.offset + chars > this.hex.length) {
          this.hex = (0, node_crypto_1.randomFillSync)(this.bytes).toString('hex');
          this.offset = 0;
        }
        const id = this.hex.slice(this.offset, this.offset + chars);
        this.offset += chars;
        return id;
      }
    };
    exports2.PooledIdGenerator = PooledIdGenerator;
  },
});

// packages/tracing/dist/propagators.js
var require_propagators = __commonJS({
  'packages/tracing/dist/propagators.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createPropagator = createPropagator;
    var core_1 = require('@opentelemetry/core');
    function createPropagator(names) {
      const propagators = [];
      for (const name of names) {
        if (name === 'tracecontext') propagators.push(new core_1.W3CTraceContextPropagator());
        else if (name === 'baggage') propagators.push(new core_1.W3CBaggagePropagator());
      }
      return new core_1.CompositePropagator({ propagators });
    }
  },
});

// packages/tracing/dist/sampler.js
var require_sampler = __commonJS({
  'packages/tracing/dist/sampler.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.createSampler = createSampler;
    var sdk_trace_1 = require('@opentelemetry/sdk-trace');
    function createSampler(name, ratio) {
      switch (name) {
        case 'always_on':
          return new sdk_trace_1.AlwaysOnSampler();
        case 'always_off':
          return new sdk_trace_1.AlwaysOffSampler();
        case 'traceidratio':
          return new sdk_trace_1.TraceIdRatioBasedSampler(ratio);
        case 'parentbased_always_on':
          return new sdk_trace_1.ParentBasedSampler({ root: new sdk_trace_1.AlwaysOnSampler() });
        case 'parentbased_always_off':
          return new sdk_trace_1.ParentBasedSampler({ root: new sdk_trace_1.AlwaysOffSampler() });
        case 'parentbased_traceidratio':
          return new sdk_trace_1.ParentBasedSampler({
            root: new sdk_trace_1.TraceIdRatioBasedSampler(ratio),
          });
      }
    }
  },
});

// packages/tracing/dist/reloadable-sampler.js
var require_reloadable_sampler = __commonJS({
  'packages/tracing/dist/reloadable-sampler.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.ReloadableSampler = void 0;
    var core_1 = require_dist();
    var sampler_1 = require_sampler();
    var ReloadableSampler = class {
      name;
      inner;
      constructor(name, ratio) {
        this.name = name;
        this.inner = (0, sampler_1.createSampler)(name, ratio);
      }
      /** Switches to a new ratio (for the `traceidratio` samplers; others ignore it). */
      setRatio(ratio) {
        this.inner = (0, sampler_1.createSampler)(this.name, ratio);
      }
      shouldSample(context, traceId, spanName, spanKind, attributes, links) {
        return this.inner.shouldSample(context, traceId, spanName, spanKind, attributes, links);
      }
      toString() {
        return this.inner.toString();
      }
      /** The `tracing` section of the settings file: `{ samplerRatio: 0..1 }`. */
      reloadTarget(path) {
        return {
          section: 'tracing',
          check: (value) => {
            if (value === null || typeof value !== 'object' || Array.isArray(value)) {
              (0, core_1.invalid)(
                `tracing in ${path}`,
                JSON.stringify(value),
                'an object such as { samplerRatio: 0.5 }',
              );
            }
            const { samplerRatio, ...rest } = value;
            const unknown = Object.keys(rest);
            if (unknown.length > 0)
              (0, core_1.invalid)(
                `tracing.${unknown[0]} in ${path}`,
                JSON.stringify(rest[unknown[0]]),
                'samplerRatio only (other tracing settings need a restart)',
              );
            if (samplerRatio === void 0) return () => {};
            if (typeof samplerRatio !== 'number' || !(samplerRatio >= 0 && samplerRatio <= 1)) {
              (0, core_1.invalid)(`tracing.samplerRatio in ${path}`, samplerRatio, 'a number from 0 to 1');
            }
            return () => this.setRatio(samplerRatio);
          },
        };
      }
    };
    exports2.ReloadableSampler = ReloadableSampler;
  },
});

// packages/tracing/dist/tracing.js
var require_tracing = __commonJS({
  'packages/tracing/dist/tracing.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.startTracing = startTracing;
    var api_1 = require('@opentelemetry/api');
    var context_async_hooks_1 = require('@opentelemetry/context-async-hooks');
    var sdk_trace_1 = require('@opentelemetry/sdk-trace');
    var core_1 = require_dist();
    var config_1 = require_config();
    var counting_batch_processor_1 = require_counting_batch_processor();
    var crash_flush_1 = require_crash_flush();
    var enrich_processor_1 = require_enrich_processor();
    var lazy_exporter_1 = require_lazy_exporter2();
    var worker_exporter_1 = require_worker_exporter();
    var instrument_1 = require_instrument();
    var id_generator_1 = require_id_generator();
    var logger_1 = require_logger();
    var propagators_1 = require_propagators();
    var reloadable_sampler_1 = require_reloadable_sampler();
    var version_1 = require_version2();
    var active;
    function otlpExporter(settings, thread) {
      const { url, headers, timeoutMillis } = settings;
      const local = () => {
        const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http');
        return new OTLPTraceExporter({ url, headers: { ...headers }, timeoutMillis });
      };
      if (!thread) return new lazy_exporter_1.LazySpanExporter(local);
      return new worker_exporter_1.WorkerSpanExporter(settings, local);
    }
    function createProcessors(config, telemetry, exportThread, crash, settings) {
      const processors = [new enrich_processor_1.EnrichSpanProcessor()];
      for (const name of config.exporters) {
        if (name === 'none') continue;
        const exporter =
          name === 'otlp'
            ? crash.wrap(otlpExporter(settings, exportThread))
            : new sdk_trace_1.ConsoleSpanExporter();
        processors.push(
          new counting_batch_processor_1.CountingBatchProcessor(
            exporter,
            telemetry.exportStats,
            name,
            config,
          ),
        );
      }
      return processors;
    }
    function otlpSettings(config, telemetry) {
      return {
        url: config.endpoint,
        headers: { ...config.headers },
        timeoutMillis: config.timeoutMs,
        logLevel: telemetry.config.logLevel,
      };
    }
    function startTracing(telemetry, options = {}) {
      const config = (0, config_1.resolveTracingConfig)(
        options,
        options.env ?? process.env,
        telemetry.config.preset,
      );
      if (active !== void 0) {
        api_1.diag.warn(
          'otelkit: startTracing() called while tracing is running; returning the running instance',
        );
        return active;
      }
      const propagator = (0, propagators_1.createPropagator)(config.propagators);
      (0, logger_1.setLogServiceName)(telemetry.config.serviceName);
      if (telemetry.config.disabled) {
        return {
          config,
          tracerProvider: void 0,
          propagator,
          forceFlush: async () => {},
          shutdown: async () => {},
        };
      }
      const sampler = new reloadable_sampler_1.ReloadableSampler(config.sampler, config.samplerRatio);
      if (telemetry.config.configFile !== void 0) {
        telemetry.addReloadTarget?.(sampler.reloadTarget(telemetry.config.configFile));
      }
      const settings = otlpSettings(config, telemetry);
      const crash = new crash_flush_1.CrashFlush({
        exporter: settings,
        timeoutMs: Math.min(config.timeoutMs, telemetry.config.shutdownTimeoutMs),
      });
      const provider = new sdk_trace_1.TracerProvider({
        resource: telemetry.resource,
        sampler,
        spanLimits: { ...config.spanLimits },
        idGenerator: new id_generator_1.PooledIdGenerator(),
        spanProcessors: createProcessors(config, telemetry, options.exportThread === true, crash, settings),
      });
      const stopCrashFlush = config.exporters.includes('otlp')
        ? crash.install(() => provider.forceFlush())
        : () => {};
      const contextManager = new context_async_hooks_1.AsyncLocalStorageContextManager().enable();
      const ownContext = api_1.context.setGlobalContextManager(contextManager);
      if (!ownContext) {
        api_1.diag.warn('otelkit: another global context manager was already registered; otelkit uses it');
      }
      const ownPropagator = api_1.propagation.setGlobalPropagator(propagator);
      if (!ownPropagator) {
        api_1.diag.warn('otelkit: another global propagator was already registered');
      }
      if (!api_1.trace.setGlobalTracerProvider(provider)) {
        api_1.diag.warn(
          'otelkit: another global TracerProvider was already registered; otelkit spans use their own',
        );
      }
      const tracer = provider.getTracer('@otelkit/tracing', version_1.VERSION);
      const uninstall =
        config.http === false
          ? () => {}
          : (0, instrument_1.installHttpInstrumentation)(
              tracer,
              telemetry.getMeter('@otelkit/tracing', version_1.VERSION),
              config.http,
            );
      let stopping;
      const tracing = {
        config,
        tracerProvider: provider,
        propagator,
        forceFlush: () => provider.forceFlush(),
        shutdown: () => {
          stopping ??= (async () => {
            uninstall();
            stopCrashFlush();
            const deadline = telemetry.config.shutdownTimeoutMs;
            await (0, core_1.withTimeout)(provider.shutdown(), deadline, 'span flush').catch((error) =>
              api_1.diag.warn(`otelkit: span flush failed: ${String(error)}`),
            );
            if (api_1.trace.getTracerProvider() === provider || isProxyFor(provider)) api_1.trace.disable();
            if (ownPropagator) api_1.propagation.disable();
            if (ownContext) api_1.context.disable();
            if (active === tracing) active = void 0;
          })();
          return stopping;
        },
      };
      telemetry.onShutdown(() => tracing.shutdown());
      active = tracing;
      return tracing;
    }
    function isProxyFor(provider) {
      const global = api_1.trace.getTracerProvider();
      return typeof global.getDelegate === 'function' && global.getDelegate() === provider;
    }
  },
});

// packages/tracing/dist/index.js
var require_dist3 = __commonJS({
  'packages/tracing/dist/index.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.VERSION =
      exports2.startTracing =
      exports2.traced =
      exports2.Traced =
      exports2.redactValue =
      exports2.redactString =
      exports2.REDACTED =
      exports2.isSecretKey =
      exports2.otelkitPinoOptions =
      exports2.createLogger =
      exports2.logCorrelationFields =
      exports2.setHttpRoute =
      exports2.newCorrelationId =
      exports2.MAX_CORRELATION_ID_LENGTH =
      exports2.isValidCorrelationId =
      exports2.withCorrelation =
      exports2.getCorrelationId =
      exports2.getCorrelationAttributes =
      exports2.CORRELATION_KEY =
      exports2.TRACING_DEFAULTS =
      exports2.resolveTracingConfig =
        void 0;
    var config_1 = require_config();
    Object.defineProperty(exports2, 'resolveTracingConfig', {
      enumerable: true,
      get: () => config_1.resolveTracingConfig,
    });
    Object.defineProperty(exports2, 'TRACING_DEFAULTS', {
      enumerable: true,
      get: () => config_1.TRACING_DEFAULTS,
    });
    var context_1 = require_context();
    Object.defineProperty(exports2, 'CORRELATION_KEY', {
      enumerable: true,
      get: () => context_1.CORRELATION_KEY,
    });
    Object.defineProperty(exports2, 'getCorrelationAttributes', {
      enumerable: true,
      get: () => context_1.getCorrelationAttributes,
    });
    Object.defineProperty(exports2, 'getCorrelationId', {
      enumerable: true,
      get: () => context_1.getCorrelationId,
    });
    Object.defineProperty(exports2, 'withCorrelation', {
      enumerable: true,
      get: () => context_1.withCorrelation,
    });
    var id_1 = require_id();
    Object.defineProperty(exports2, 'isValidCorrelationId', {
      enumerable: true,
      get: () => id_1.isValidCorrelationId,
    });
    Object.defineProperty(exports2, 'MAX_CORRELATION_ID_LENGTH', {
      enumerable: true,
      get: () => id_1.MAX_CORRELATION_ID_LENGTH,
    });
    Object.defineProperty(exports2, 'newCorrelationId', {
      enumerable: true,
      get: () => id_1.newCorrelationId,
    });
    var request_state_1 = require_request_state();
    Object.defineProperty(exports2, 'setHttpRoute', {
      enumerable: true,
      get: () => request_state_1.setHttpRoute,
    });
    var fields_1 = require_fields();
    Object.defineProperty(exports2, 'logCorrelationFields', {
      enumerable: true,
      get: () => fields_1.logCorrelationFields,
    });
    var logger_1 = require_logger();
    Object.defineProperty(exports2, 'createLogger', { enumerable: true, get: () => logger_1.createLogger });
    Object.defineProperty(exports2, 'otelkitPinoOptions', {
      enumerable: true,
      get: () => logger_1.otelkitPinoOptions,
    });
    var redact_1 = require_redact();
    Object.defineProperty(exports2, 'isSecretKey', { enumerable: true, get: () => redact_1.isSecretKey });
    Object.defineProperty(exports2, 'REDACTED', { enumerable: true, get: () => redact_1.REDACTED });
    Object.defineProperty(exports2, 'redactString', { enumerable: true, get: () => redact_1.redactString });
    Object.defineProperty(exports2, 'redactValue', { enumerable: true, get: () => redact_1.redactValue });
    var traced_1 = require_traced();
    Object.defineProperty(exports2, 'Traced', { enumerable: true, get: () => traced_1.Traced });
    Object.defineProperty(exports2, 'traced', { enumerable: true, get: () => traced_1.traced });
    var tracing_1 = require_tracing();
    Object.defineProperty(exports2, 'startTracing', { enumerable: true, get: () => tracing_1.startTracing });
    var version_1 = require_version2();
    Object.defineProperty(exports2, 'VERSION', { enumerable: true, get: () => version_1.VERSION });
  },
});

// packages/register/dist/cluster/lazy.js
var require_lazy = __commonJS({
  'packages/register/dist/cluster/lazy.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.clusterIfPrimary = clusterIfPrimary;
    exports2.isClusterWorker = isClusterWorker;
    function clusterLoaded() {
      const list = process.moduleLoadList;
      return list === void 0 || list.includes('NativeModule cluster');
    }
    function clusterIfPrimary() {
      if (!clusterLoaded()) return void 0;
      const cluster = require('node:cluster');
      return cluster.isPrimary ? cluster : void 0;
    }
    function isClusterWorker() {
      if (!clusterLoaded()) return false;
      return require('node:cluster').isWorker;
    }
  },
});

// packages/register/dist/cluster/health.js
var require_health2 = __commonJS({
  'packages/register/dist/cluster/health.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.registerWorkersCheck = registerWorkersCheck;
    var lazy_1 = require_lazy();
    function registerWorkersCheck(health) {
      let most = 0;
      health.registerCheck(
        'cluster:workers',
        () => {
          const cluster = (0, lazy_1.clusterIfPrimary)();
          const workers = cluster === void 0 ? [] : Object.values(cluster.workers ?? {});
          if (cluster === void 0 || (workers.length === 0 && most === 0)) {
            return { status: 'pass', output: 'no cluster' };
          }
          const alive = workers.filter((w) => w !== void 0 && !w.isDead()).length;
          most = Math.max(most, alive);
          const status = alive === 0 ? 'fail' : alive < most ? 'warn' : 'pass';
          return {
            status,
            observedValue: alive,
            observedUnit: 'workers',
            output: status === 'pass' ? void 0 : `${alive} of ${most} workers alive`,
          };
        },
        { kind: 'readiness', componentType: 'system' },
      );
    }
  },
});

// packages/register/dist/cluster/merge.js
var require_merge = __commonJS({
  'packages/register/dist/cluster/merge.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.mergeExpositions = mergeExpositions;
    var SUFFIXES = ['_bucket', '_count', '_sum', '_total', '_created', '_info'];
    function familyOf(metric, declared) {
      if (declared.has(metric)) return metric;
      for (const suffix of SUFFIXES) {
        if (metric.endsWith(suffix) && declared.has(metric.slice(0, -suffix.length))) {
          return metric.slice(0, -suffix.length);
        }
      }
      return metric;
    }
    function withLabel(line, label) {
      const brace = line.indexOf('{');
      const space = line.indexOf(' ');
      if (brace !== -1 && (space === -1 || brace < space)) {
        return line[brace + 1] === '}'
          ? `${line.slice(0, brace + 1)}${label}${line.slice(brace + 1)}`
          : `${line.slice(0, brace + 1)}${label},${line.slice(brace + 1)}`;
      }
      return `${line.slice(0, space)}{${label}}${line.slice(space)}`;
    }
    function mergeExpositions(sources) {
      const families = /* @__PURE__ */ new Map();
      for (const { id, text } of sources) {
        const label = `cluster_worker="${id.replace(/["\\\n]/g, '_')}"`;
        const declared = /* @__PURE__ */ new Set();
        for (const line of text.split('\n')) {
          if (line === '' || line === '# EOF') continue;
          if (line.startsWith('#')) {
            const parts = line.split(' ');
            if ((parts[1] === 'HELP' || parts[1] === 'TYPE') && parts[2] !== void 0) {
              declared.add(parts[2]);
              let family2 = families.get(parts[2]);
              if (family2 === void 0) {
                family2 = { comments: [], samples: [] };
                families.set(parts[2], family2);
              }
              if (!family2.comments.some((c) => c.startsWith(`# ${parts[1]} `))) family2.comments.push(line);
            }
            continue;
          }
          const end = line.search(/[{ ]/);
          const name = familyOf(end === -1 ? line : line.slice(0, end), declared);
          let family = families.get(name);
          if (family === void 0) {
            family = { comments: [], samples: [] };
            families.set(name, family);
          }
          family.samples.push(withLabel(line, label));
        }
      }
      let out = '';
      for (const family of families.values()) {
        for (const comment of family.comments)
          out += `${comment}
`;
        for (const sample of family.samples)
          out += `${sample}
`;
      }
      return out;
    }
  },
});

// packages/register/dist/cluster/protocol.js
var require_protocol = __commonJS({
  'packages/register/dist/cluster/protocol.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RESPONSE = exports2.REQUEST = void 0;
    exports2.isMessage = isMessage;
    exports2.REQUEST = 'otelkit:metrics:request';
    exports2.RESPONSE = 'otelkit:metrics:response';
    function isMessage(message, type) {
      return typeof message === 'object' && message !== null && message.type === type;
    }
  },
});

// packages/register/dist/cluster/primary.js
var require_primary = __commonJS({
  'packages/register/dist/cluster/primary.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.serveClusterMetrics = serveClusterMetrics;
    var core_1 = require_dist();
    var lazy_1 = require_lazy();
    var merge_1 = require_merge();
    var protocol_1 = require_protocol();
    var WORKER_TIMEOUT_MS = 2e3;
    function askWorker(worker, id) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => done(void 0), WORKER_TIMEOUT_MS);
        timer.unref();
        const onMessage = (message) => {
          if ((0, protocol_1.isMessage)(message, protocol_1.RESPONSE) && message.id === id)
            done(message.text);
        };
        const done = (text) => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('exit', onExit);
          resolve(text);
        };
        const onExit = () => done(void 0);
        worker.on('message', onMessage);
        worker.on('exit', onExit);
        try {
          worker.send({ type: protocol_1.REQUEST, id });
        } catch {
          done(void 0);
        }
      });
    }
    function serveClusterMetrics(telemetry) {
      let nextId = 0;
      telemetry.server?.route('/metrics', async (request, response) => {
        const id = ++nextId;
        const cluster = (0, lazy_1.clusterIfPrimary)();
        const workers = Object.values(cluster?.workers ?? {}).filter((w) => w?.isConnected() === true);
        if (workers.length === 0) {
          const own2 = await telemetry.collect();
          const format = (0, core_1.negotiateFormat)(request.headers.accept);
          const text = own2 === void 0 ? '' : (0, core_1.serializeMetrics)(own2, { format });
          response.writeHead(200, { 'content-type': (0, core_1.contentTypeFor)(format) });
          response.end(request.method === 'HEAD' ? void 0 : text);
          return;
        }
        const [own, ...answers] = await Promise.all([
          telemetry.collect(),
          ...workers.map((w) => askWorker(w, id)),
        ]);
        const sources = [
          {
            id: 'primary',
            text: own === void 0 ? '' : (0, core_1.serializeMetrics)(own, { format: 'prometheus' }),
          },
        ];
        answers.forEach((text, i) => {
          if (text !== void 0) sources.push({ id: String(workers[i].id), text });
        });
        const answered = sources.length - 1;
        const body =
          (0, merge_1.mergeExpositions)(sources) +
          `# HELP otelkit_cluster_workers Cluster workers by whether they answered this scrape.
# TYPE otelkit_cluster_workers gauge
otelkit_cluster_workers{state="answered"} ${answered}
otelkit_cluster_workers{state="missing"} ${workers.length - answered}
`;
        response.writeHead(200, { 'content-type': (0, core_1.contentTypeFor)('prometheus') });
        response.end(body);
      });
    }
  },
});

// packages/register/dist/exit-flush.js
var require_exit_flush = __commonJS({
  'packages/register/dist/exit-flush.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.flushBeforeExit = flushBeforeExit;
    var api_1 = require('@opentelemetry/api');
    function flushBeforeExit(flush) {
      let flushed = false;
      const listener = () => {
        if (flushed) return;
        flushed = true;
        flush().catch((error) => api_1.diag.warn(`otelkit: flush before exit failed: ${String(error)}`));
      };
      process.on('beforeExit', listener);
      return () => process.off('beforeExit', listener);
    }
  },
});

// packages/register/dist/instrumentations.js
var require_instrumentations = __commonJS({
  'packages/register/dist/instrumentations.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.INSTRUMENTATIONS = void 0;
    exports2.parseEnabledInstrumentations = parseEnabledInstrumentations;
    exports2.loadInstrumentations = loadInstrumentations;
    exports2.loadedBeforeHooks = loadedBeforeHooks;
    var node_module_1 = require('node:module');
    var node_path_1 = require('node:path');
    var api_1 = require('@opentelemetry/api');
    var core_1 = require_dist();
    var entry = (name, className, modules) => [
      name,
      { pkg: `@opentelemetry/instrumentation-${name}`, className, modules },
    ];
    exports2.INSTRUMENTATIONS = new Map([
      entry('amqplib', 'AmqplibInstrumentation', ['amqplib']),
      entry('bunyan', 'BunyanInstrumentation', ['bunyan']),
      entry('cassandra-driver', 'CassandraDriverInstrumentation', ['cassandra-driver']),
      entry('connect', 'ConnectInstrumentation', ['connect']),
      entry('dataloader', 'DataloaderInstrumentation', ['dataloader']),
      entry('express', 'ExpressInstrumentation', ['express']),
      entry('generic-pool', 'GenericPoolInstrumentation', ['generic-pool']),
      entry('graphql', 'GraphQLInstrumentation', ['graphql']),
      entry('grpc', 'GrpcInstrumentation', ['@grpc/grpc-js']),
      entry('hapi', 'HapiInstrumentation', ['@hapi/hapi']),
      entry('ioredis', 'IORedisInstrumentation', ['ioredis']),
      entry('kafkajs', 'KafkaJsInstrumentation', ['kafkajs']),
      entry('knex', 'KnexInstrumentation', ['knex']),
      entry('koa', 'KoaInstrumentation', ['koa']),
      entry('lru-memoizer', 'LruMemoizerInstrumentation', ['lru-memoizer']),
      entry('memcached', 'MemcachedInstrumentation', ['memcached']),
      entry('mongodb', 'MongoDBInstrumentation', ['mongodb']),
      entry('mongoose', 'MongooseInstrumentation', ['mongoose']),
      entry('mysql', 'MySQLInstrumentation', ['mysql']),
      entry('mysql2', 'MySQL2Instrumentation', ['mysql2']),
      entry('nestjs-core', 'NestInstrumentation', ['@nestjs/core']),
      entry('pg', 'PgInstrumentation', ['pg']),
      entry('pino', 'PinoInstrumentation', ['pino']),
      entry('redis', 'RedisInstrumentation', ['redis', '@redis/client']),
      entry('restify', 'RestifyInstrumentation', ['restify']),
      entry('router', 'RouterInstrumentation', ['router']),
      entry('socket.io', 'SocketIoInstrumentation', ['socket.io']),
      entry('tedious', 'TediousInstrumentation', ['tedious']),
      entry('winston', 'WinstonInstrumentation', ['winston']),
    ]);
    var ALWAYS_ON = /* @__PURE__ */ new Set(['http', 'undici']);
    function parseEnabledInstrumentations(raw) {
      if (raw === void 0 || raw.trim() === '') return [];
      const names = [];
      for (const item of raw.split(',')) {
        const name = item.trim().toLowerCase();
        if (name === '' || ALWAYS_ON.has(name)) continue;
        if (!exports2.INSTRUMENTATIONS.has(name)) {
          (0, core_1.invalid)(
            'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
            raw,
            `a comma list of ${['http', 'undici', ...exports2.INSTRUMENTATIONS.keys()].join(', ')}`,
          );
        }
        if (!names.includes(name)) names.push(name);
      }
      return names;
    }
    function resolverFor(cwd) {
      const fromApp = (0, node_module_1.createRequire)((0, node_path_1.join)(cwd, 'noop.js'));
      const fromHere = (0, node_module_1.createRequire)(__filename);
      return (id) => {
        for (const req of [fromApp, fromHere]) {
          try {
            return req.resolve(id);
          } catch {}
        }
        return void 0;
      };
    }
    function loadInstrumentations(names, cwd = process.cwd()) {
      const resolve = resolverFor(cwd);
      const instrumentations = [];
      const report = [];
      const on = [];
      for (const name of names) {
        const e = exports2.INSTRUMENTATIONS.get(name);
        if (!e.modules.some((m) => resolve(m) !== void 0)) {
          report.push(`${name}: skipped (${e.modules.join(' / ')} not installed)`);
          continue;
        }
        const path = resolve(e.pkg);
        if (path === void 0) {
          api_1.diag.warn(
            `otelkit: ${name} is enabled and installed, but ${e.pkg} is not: npm install ${e.pkg}`,
          );
          report.push(`${name}: skipped (${e.pkg} not installed)`);
          continue;
        }
        try {
          const mod = require(path);
          instrumentations.push(new mod[e.className]());
          on.push(name);
          report.push(`${name}: on (${e.pkg})`);
        } catch (error) {
          api_1.diag.warn(`otelkit: could not load ${e.pkg}: ${String(error)}`);
          report.push(`${name}: failed to load`);
        }
      }
      return { instrumentations, report, names: on };
    }
    function loadedBeforeHooks(names, cache = require.cache) {
      const paths = Object.keys(cache);
      return names.filter((name) =>
        exports2.INSTRUMENTATIONS.get(name).modules.some((m) => {
          const needle = `/node_modules/${m}/`;
          return paths.some((p) => p.replaceAll('\\', '/').includes(needle));
        }),
      );
    }
  },
});

// packages/register/dist/listen-hook.js
var require_listen_hook = __commonJS({
  'packages/register/dist/listen-hook.js'(exports2) {
    var __importDefault =
      (exports2 && exports2.__importDefault) || ((mod) => (mod && mod.__esModule ? mod : { default: mod }));
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.onServerListening = onServerListening;
    exports2.isHttpServer = isHttpServer;
    var node_http_1 = require('node:http');
    var node_net_1 = __importDefault(require('node:net'));
    function onServerListening(callback) {
      const original = node_net_1.default.Server.prototype.listen;
      const seen = /* @__PURE__ */ new WeakSet();
      const patched = function (...args) {
        if (!seen.has(this)) {
          seen.add(this);
          this.once('listening', () => {
            try {
              callback(this);
            } catch {}
          });
        }
        return original.apply(this, args);
      };
      node_net_1.default.Server.prototype.listen = patched;
      return () => {
        if (node_net_1.default.Server.prototype.listen === patched)
          node_net_1.default.Server.prototype.listen = original;
      };
    }
    function isHttpServer(server) {
      return server instanceof node_http_1.Server || typeof server.closeIdleConnections === 'function';
    }
  },
});

// packages/circuit-breaker/dist/state.js
var require_state = __commonJS({
  'packages/circuit-breaker/dist/state.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.DISABLED = exports2.ISOLATED = exports2.CLOSED = exports2.STATE_NAMES = void 0;
    exports2.isStateName = isStateName;
    exports2.STATE_NAMES = Object.freeze(['closed', 'open', 'half-open', 'isolated', 'disabled']);
    exports2.CLOSED = Object.freeze({ state: 'closed' });
    exports2.ISOLATED = Object.freeze({ state: 'isolated' });
    exports2.DISABLED = Object.freeze({ state: 'disabled' });
    function isStateName(value) {
      return typeof value === 'string' && exports2.STATE_NAMES.includes(value);
    }
  },
});

// packages/circuit-breaker/dist/breaker-metrics.js
var require_breaker_metrics = __commonJS({
  'packages/circuit-breaker/dist/breaker-metrics.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.BreakerMetrics =
      exports2.DURATION_BUFFER_SIZE =
      exports2.DURATION_TIMEOUT =
      exports2.DURATION_FAILURE =
      exports2.DURATION_SUCCESS =
      exports2.OUTCOMES =
        void 0;
    var state_1 = require_state();
    exports2.OUTCOMES = Object.freeze(['success', 'failure', 'timeout', 'rejected', 'fallback']);
    exports2.DURATION_SUCCESS = 0;
    exports2.DURATION_FAILURE = 1;
    exports2.DURATION_TIMEOUT = 2;
    exports2.DURATION_BUFFER_SIZE = 512;
    var STANDARD_TRANSITIONS = [
      ['closed', 'open'],
      ['open', 'half-open'],
      ['half-open', 'closed'],
      ['half-open', 'open'],
    ];
    var BreakerMetrics = class {
      name;
      binding;
      histogram;
      stateAttrs;
      outcomeAttrs;
      durationAttrs;
      transitions = /* @__PURE__ */ new Map();
      durations = new Float64Array(exports2.DURATION_BUFFER_SIZE);
      kinds = new Uint8Array(exports2.DURATION_BUFFER_SIZE);
      length = 0;
      handle;
      /** Bound duration series, when the meter's histograms can be bound (an otelkit meter). */
      bound;
      constructor(name, binding, histogram) {
        this.name = name;
        this.binding = binding;
        this.histogram = histogram;
        this.stateAttrs = state_1.STATE_NAMES.map((state) => Object.freeze({ name, state }));
        this.outcomeAttrs = exports2.OUTCOMES.map((outcome) => Object.freeze({ name, outcome }));
        this.durationAttrs = exports2.OUTCOMES.slice(0, 3).map((outcome) => Object.freeze({ name, outcome }));
        const duration = binding.instruments.duration;
        this.bound =
          histogram && typeof duration.bind === 'function'
            ? this.durationAttrs.map((attrs) => duration.bind(attrs))
            : void 0;
        for (const [from, to] of STANDARD_TRANSITIONS) {
          this.transitions.set(`${from}>${to}`, { attrs: Object.freeze({ name, from, to }), count: 0 });
        }
      }
      /** Starts reporting `owner` through the meter. */
      attach(owner) {
        if (this.handle === void 0) this.handle = this.binding.add(owner);
      }
      /** Flushes buffered durations and stops reporting. */
      detach() {
        this.flush();
        if (this.handle !== void 0) this.binding.remove(this.handle);
        this.handle = void 0;
      }
      /** Buffers one call duration (ms) of kind `DURATION_*`. */
      recordDuration(ms, kind) {
        if (!this.histogram) return;
        if (this.bound !== void 0) {
          this.bound[kind].record(ms / 1e3);
          return;
        }
        if (this.length === exports2.DURATION_BUFFER_SIZE) this.flush();
        this.durations[this.length] = ms;
        this.kinds[this.length] = kind;
        this.length++;
      }
      /** Counts one transition. */
      countTransition(from, to) {
        const key = `${from}>${to}`;
        const entry = this.transitions.get(key);
        if (entry !== void 0) entry.count++;
        else this.transitions.set(key, { attrs: Object.freeze({ name: this.name, from, to }), count: 1 });
      }
      /** Records buffered durations into the histogram, in seconds. */
      flush() {
        const histogram = this.binding.instruments.duration;
        const n = this.length;
        this.length = 0;
        for (let i = 0; i < n; i++)
          histogram.record(this.durations[i] / 1e3, this.durationAttrs[this.kinds[i]]);
      }
      /** Observes state, counts and transitions, and flushes durations. */
      collect(result, instruments, state, counts) {
        for (let i = 0; i < state_1.STATE_NAMES.length; i++) {
          result.observe(instruments.state, state_1.STATE_NAMES[i] === state ? 1 : 0, this.stateAttrs[i]);
        }
        const values = [counts.success, counts.failure, counts.timeout, counts.rejected, counts.fallback];
        for (let i = 0; i < values.length; i++)
          result.observe(instruments.calls, values[i], this.outcomeAttrs[i]);
        for (const entry of this.transitions.values())
          result.observe(instruments.transitions, entry.count, entry.attrs);
        this.flush();
      }
    };
    exports2.BreakerMetrics = BreakerMetrics;
  },
});

// packages/circuit-breaker/dist/directory.js
var require_directory = __commonJS({
  'packages/circuit-breaker/dist/directory.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.enlist = enlist;
    exports2.delist = delist;
    exports2.listBreakers = listBreakers;
    exports2.findBreaker = findBreaker;
    var MIN_SWEEP = 1024;
    var KEY = /* @__PURE__ */ Symbol.for('otelkit.circuit-breaker.directory.v1');
    function directory() {
      const g = globalThis;
      if (g[KEY] === void 0) {
        g[KEY] = { live: /* @__PURE__ */ new Set(), sweepAt: MIN_SWEEP };
      }
      return g[KEY];
    }
    function enlist(breaker) {
      const dir = directory();
      const ref = new WeakRef(breaker);
      dir.live.add(ref);
      if (dir.live.size >= dir.sweepAt) {
        sweep(dir.live);
        dir.sweepAt = Math.max(MIN_SWEEP, dir.live.size * 2);
      }
      return ref;
    }
    function sweep(refs) {
      for (const ref of refs) if (ref.deref() === void 0) refs.delete(ref);
    }
    function delist(ref) {
      directory().live.delete(ref);
    }
    function live() {
      const { live: refs } = directory();
      const out = [];
      for (const ref of refs) {
        const breaker = ref.deref();
        if (breaker === void 0) refs.delete(ref);
        else out.push(breaker);
      }
      return out;
    }
    function listBreakers() {
      return live().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    function findBreaker(name) {
      let found;
      for (const breaker of live()) if (breaker.name === name) found = breaker;
      return found;
    }
  },
});

// packages/circuit-breaker/dist/errors.js
var require_errors2 = __commonJS({
  'packages/circuit-breaker/dist/errors.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.InvalidBreakerOptionError =
      exports2.BulkheadRejectedError =
      exports2.CircuitTimeoutError =
      exports2.CircuitOpenError =
      exports2.INVALID_BREAKER_OPTION_CODE =
      exports2.BULKHEAD_FULL_CODE =
      exports2.CIRCUIT_TIMEOUT_CODE =
      exports2.CIRCUIT_OPEN_CODE =
        void 0;
    exports2.isCircuitOpenError = isCircuitOpenError;
    exports2.isCircuitTimeoutError = isCircuitTimeoutError;
    exports2.isBulkheadRejectedError = isBulkheadRejectedError;
    exports2.isInvalidBreakerOptionError = isInvalidBreakerOptionError;
    exports2.CIRCUIT_OPEN_CODE = 'OTELKIT_ERR_CIRCUIT_OPEN';
    exports2.CIRCUIT_TIMEOUT_CODE = 'OTELKIT_ERR_CIRCUIT_TIMEOUT';
    exports2.BULKHEAD_FULL_CODE = 'OTELKIT_ERR_BULKHEAD_FULL';
    exports2.INVALID_BREAKER_OPTION_CODE = 'OTELKIT_ERR_INVALID_BREAKER_OPTION';
    function hasCode(value, code) {
      return typeof value === 'object' && value !== null && value.code === code;
    }
    var CircuitOpenError = class extends Error {
      /** Always {@link CIRCUIT_OPEN_CODE}. */
      code = exports2.CIRCUIT_OPEN_CODE;
      /** The breaker's name. */
      breaker;
      /** The state that refused the call. */
      state;
      /** When the breaker will let a probe through (epoch ms), if known. */
      retryAt;
      constructor(breaker, state, retryAt) {
        super(`circuit breaker '${breaker}' is ${state}: call rejected without being attempted`);
        this.name = 'CircuitOpenError';
        this.breaker = breaker;
        this.state = state;
        this.retryAt = retryAt;
      }
    };
    exports2.CircuitOpenError = CircuitOpenError;
    var CircuitTimeoutError = class extends Error {
      /** Always {@link CIRCUIT_TIMEOUT_CODE}. */
      code = exports2.CIRCUIT_TIMEOUT_CODE;
      /** The breaker's name. */
      breaker;
      /** The timeout that elapsed, in milliseconds. */
      timeoutMs;
      constructor(breaker, timeoutMs) {
        super(`circuit breaker '${breaker}': call timed out after ${timeoutMs} ms`);
        this.name = 'CircuitTimeoutError';
        this.breaker = breaker;
        this.timeoutMs = timeoutMs;
      }
    };
    exports2.CircuitTimeoutError = CircuitTimeoutError;
    var BulkheadRejectedError = class extends Error {
      /** Always {@link BULKHEAD_FULL_CODE}. */
      code = exports2.BULKHEAD_FULL_CODE;
      /** The bulkhead's name. */
      bulkhead;
      constructor(bulkhead, maxConcurrent, maxQueue) {
        super(
          `bulkhead '${bulkhead}' is full (${maxConcurrent} running, ${maxQueue} queued): call rejected without being attempted`,
        );
        this.name = 'BulkheadRejectedError';
        this.bulkhead = bulkhead;
      }
    };
    exports2.BulkheadRejectedError = BulkheadRejectedError;
    var InvalidBreakerOptionError = class extends Error {
      /** Always {@link INVALID_BREAKER_OPTION_CODE}. */
      code = exports2.INVALID_BREAKER_OPTION_CODE;
      /** The option's path, for example `failureRate.threshold`. */
      option;
      /** The rejected value. */
      value;
      constructor(option, value, expected) {
        super(
          `${exports2.INVALID_BREAKER_OPTION_CODE}: invalid option ${option}=${describe(value)}: expected ${expected}`,
        );
        this.name = 'InvalidBreakerOptionError';
        this.option = option;
        this.value = value;
      }
    };
    exports2.InvalidBreakerOptionError = InvalidBreakerOptionError;
    function describe(value) {
      if (typeof value === 'function') return '[function]';
      if (typeof value === 'string') return JSON.stringify(value);
      return String(value);
    }
    function isCircuitOpenError(err) {
      return hasCode(err, exports2.CIRCUIT_OPEN_CODE);
    }
    function isCircuitTimeoutError(err) {
      return hasCode(err, exports2.CIRCUIT_TIMEOUT_CODE);
    }
    function isBulkheadRejectedError(err) {
      return hasCode(err, exports2.BULKHEAD_FULL_CODE);
    }
    function isInvalidBreakerOptionError(err) {
      return hasCode(err, exports2.INVALID_BREAKER_OPTION_CODE);
    }
  },
});

// packages/circuit-breaker/dist/events.js
var require_events = __commonJS({
  'packages/circuit-breaker/dist/events.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.Emitter = void 0;
    var api_1 = require('@opentelemetry/api');
    var Emitter = class {
      lists = {};
      /** Adds a listener; returns a function that removes it. */
      on(event, listener) {
        const list = this.lists[event] ?? [];
        this.lists[event] = [...list, listener];
        return () => this.off(event, listener);
      }
      /** Removes a listener added with `on`. */
      off(event, listener) {
        const list = this.lists[event];
        if (list === void 0) return;
        const next = list.filter((l) => l !== listener);
        this.lists[event] = next.length === 0 ? void 0 : next;
      }
      /** Whether anyone listens to `event`. */
      has(event) {
        return this.lists[event] !== void 0;
      }
      /** Calls each listener of `event`; exceptions are logged, not thrown. */
      emit(event, payload) {
        const list = this.lists[event];
        if (list === void 0) return;
        for (const listener of list) {
          try {
            listener(payload);
          } catch (err) {
            api_1.diag.warn(`@otelkit/circuit-breaker: a '${event}' listener threw`, err);
          }
        }
      }
      /** Drops every listener. */
      clear() {
        this.lists = {};
      }
    };
    exports2.Emitter = Emitter;
  },
});

// packages/circuit-breaker/dist/health-check.js
var require_health_check = __commonJS({
  'packages/circuit-breaker/dist/health-check.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.breakerHealthCheck = breakerHealthCheck;
    var errors_1 = require_errors2();
    function breakerHealthCheck(snapshot, options = {}) {
      const whenOpen = options.whenOpen ?? 'warn';
      if (whenOpen !== 'warn' && whenOpen !== 'fail') {
        throw new errors_1.InvalidBreakerOptionError('whenOpen', whenOpen, "'warn' or 'fail'");
      }
      return () => {
        const s = snapshot();
        switch (s.state) {
          case 'closed':
          case 'disabled':
            return { status: 'pass', observedValue: s.state };
          case 'half-open':
            return {
              status: 'warn',
              observedValue: s.state,
              output: `circuit breaker '${s.name}' is half-open: probing the dependency`,
            };
          case 'open':
            return {
              status: whenOpen,
              observedValue: s.state,
              output: `circuit breaker '${s.name}' is open until ${new Date(s.until ?? Date.now()).toISOString()}`,
            };
          case 'isolated':
            return {
              status: whenOpen,
              observedValue: s.state,
              output: `circuit breaker '${s.name}' is isolated by an operator`,
            };
        }
      };
    }
  },
});

// packages/circuit-breaker/dist/instruments.js
var require_instruments3 = __commonJS({
  'packages/circuit-breaker/dist/instruments.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.MeterBinding =
      exports2.DURATION_BUCKETS_S =
      exports2.METRIC_NAMES =
      exports2.METER_NAME =
        void 0;
    exports2.bindingFor = bindingFor;
    var api_1 = require('@opentelemetry/api');
    exports2.METER_NAME = '@otelkit/circuit-breaker';
    exports2.METRIC_NAMES = Object.freeze({
      state: 'otelkit.circuit_breaker.state',
      calls: 'otelkit.circuit_breaker.calls',
      duration: 'otelkit.circuit_breaker.call.duration',
      transitions: 'otelkit.circuit_breaker.transitions',
    });
    exports2.DURATION_BUCKETS_S = Object.freeze([
      1e-3, 5e-3, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60,
    ]);
    var MeterBinding = class {
      instruments;
      live = /* @__PURE__ */ new Set();
      finalizer = new FinalizationRegistry((ref) => {
        this.live.delete(ref);
      });
      constructor(meter) {
        this.instruments = {
          state: meter.createObservableGauge(exports2.METRIC_NAMES.state, {
            description: 'Circuit breaker state: 1 for the current state, 0 for the others',
          }),
          calls: meter.createObservableCounter(exports2.METRIC_NAMES.calls, {
            description:
              'Calls through the circuit breaker by outcome (fallback counts calls a fallback served)',
            unit: '{call}',
          }),
          transitions: meter.createObservableCounter(exports2.METRIC_NAMES.transitions, {
            description: 'Circuit breaker state transitions',
            unit: '{transition}',
          }),
          duration: meter.createHistogram(exports2.METRIC_NAMES.duration, {
            description: 'Duration of calls the circuit breaker let through',
            unit: 's',
            advice: { explicitBucketBoundaries: [...exports2.DURATION_BUCKETS_S] },
          }),
        };
        const { state, calls, transitions } = this.instruments;
        meter.addBatchObservableCallback((result) => this.collect(result), [state, calls, transitions]);
      }
      /** Number of breakers currently reporting (for tests and diagnostics). */
      get size() {
        return this.live.size;
      }
      /** Starts reporting `breaker`; returns the handle to pass to `remove`. */
      add(breaker) {
        const ref = new WeakRef(breaker);
        this.live.add(ref);
        this.finalizer.register(breaker, ref, ref);
        return ref;
      }
      /** Stops reporting the breaker behind `ref`. */
      remove(ref) {
        this.live.delete(ref);
        this.finalizer.unregister(ref);
      }
      collect(result) {
        for (const ref of this.live) {
          const breaker = ref.deref();
          if (breaker === void 0) {
            this.live.delete(ref);
            continue;
          }
          try {
            breaker.collectMetrics(result, this.instruments);
          } catch (err) {
            api_1.diag.warn('@otelkit/circuit-breaker: collecting breaker metrics failed', err);
          }
        }
      }
    };
    exports2.MeterBinding = MeterBinding;
    var bindings = /* @__PURE__ */ new WeakMap();
    function bindingFor(meter) {
      let binding = bindings.get(meter);
      if (binding === void 0) {
        binding = new MeterBinding(meter);
        bindings.set(meter, binding);
      }
      return binding;
    }
  },
});

// packages/circuit-breaker/dist/options.js
var require_options4 = __commonJS({
  'packages/circuit-breaker/dist/options.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RELOADABLE_OPTIONS = exports2.BREAKER_DEFAULTS = void 0;
    exports2.defaultIsFailure = defaultIsFailure;
    exports2.resolveBreakerOptions = resolveBreakerOptions;
    exports2.openDurationFor = openDurationFor;
    var errors_1 = require_errors2();
    function defaultIsFailure(err) {
      return !(0, errors_1.isCircuitOpenError)(err) && !(0, errors_1.isBulkheadRejectedError)(err);
    }
    exports2.BREAKER_DEFAULTS = Object.freeze({
      consecutiveFailures: 5,
      windowMs: 1e4,
      minimumCalls: 20,
      openDurationMs: 3e4,
      backoffMultiplier: 2,
      maxOpenDurationFactor: 10,
      halfOpenMaxCalls: 1,
      halfOpenSuccesses: 1,
      timeoutMs: 0,
    });
    function check(ok, option, value, expected) {
      if (!ok) throw new errors_1.InvalidBreakerOptionError(option, value, expected);
    }
    function positiveInt(option, value) {
      check(
        typeof value === 'number' && Number.isInteger(value) && value >= 1,
        option,
        value,
        'an integer >= 1',
      );
      return value;
    }
    function nonNegative(option, value) {
      check(
        typeof value === 'number' && Number.isFinite(value) && value >= 0,
        option,
        value,
        'a finite number >= 0',
      );
      return value;
    }
    function fraction(option, value) {
      check(typeof value === 'number' && value > 0 && value <= 1, option, value, 'a number in (0, 1]');
      return value;
    }
    function optionalFunction(option, value) {
      check(value === void 0 || typeof value === 'function', option, value, 'a function');
      return value;
    }
    function resolveBreakerOptions(name, options = {}) {
      check(typeof name === 'string' && name.length > 0, 'name', name, 'a non-empty string');
      const d = exports2.BREAKER_DEFAULTS;
      const rate = options.failureRate;
      const failureRate =
        rate === void 0
          ? void 0
          : {
              threshold: fraction('failureRate.threshold', rate.threshold),
              windowMs: positive('failureRate.windowMs', rate.windowMs ?? d.windowMs),
              minimumCalls: positiveInt('failureRate.minimumCalls', rate.minimumCalls ?? d.minimumCalls),
            };
      const slow = options.slowCall;
      const slowCall =
        slow === void 0
          ? void 0
          : {
              durationMs: positive('slowCall.durationMs', slow.durationMs),
              rateThreshold: fraction('slowCall.rateThreshold', slow.rateThreshold),
              minimumCalls: positiveInt(
                'slowCall.minimumCalls',
                slow.minimumCalls ?? failureRate?.minimumCalls ?? d.minimumCalls,
              ),
            };
      const noTrigger = failureRate === void 0 && slowCall === void 0;
      const consecutiveFailures =
        options.consecutiveFailures === void 0
          ? noTrigger
            ? d.consecutiveFailures
            : Number.POSITIVE_INFINITY
          : positiveInt('consecutiveFailures', options.consecutiveFailures);
      const openDurationMs = nonNegative('openDurationMs', options.openDurationMs ?? d.openDurationMs);
      const backoff = options.openBackoff;
      const backoffMultiplier =
        backoff === void 0
          ? 1
          : nonNegative('openBackoff.multiplier', backoff.multiplier ?? d.backoffMultiplier);
      check(backoffMultiplier >= 1, 'openBackoff.multiplier', backoffMultiplier, 'a number >= 1');
      const maxOpenDurationMs =
        backoff === void 0
          ? openDurationMs
          : nonNegative(
              'openBackoff.maxDurationMs',
              backoff.maxDurationMs ?? openDurationMs * d.maxOpenDurationFactor,
            );
      check(
        maxOpenDurationMs >= openDurationMs,
        'openBackoff.maxDurationMs',
        maxOpenDurationMs,
        '>= openDurationMs',
      );
      const metrics = options.metrics ?? true;
      check(typeof metrics === 'boolean', 'metrics', metrics, 'a boolean');
      const durationHistogram = options.durationHistogram ?? true;
      check(typeof durationHistogram === 'boolean', 'durationHistogram', durationHistogram, 'a boolean');
      return {
        consecutiveFailures,
        failureRate,
        slowCall,
        windowMs: failureRate?.windowMs ?? d.windowMs,
        openDurationMs,
        backoffMultiplier,
        maxOpenDurationMs,
        halfOpenMaxCalls: positiveInt('halfOpenMaxCalls', options.halfOpenMaxCalls ?? d.halfOpenMaxCalls),
        halfOpenSuccesses: positiveInt('halfOpenSuccesses', options.halfOpenSuccesses ?? d.halfOpenSuccesses),
        timeoutMs: nonNegative('timeoutMs', options.timeoutMs ?? d.timeoutMs),
        isFailure: optionalFunction('isFailure', options.isFailure) ?? defaultIsFailure,
        fallback: optionalFunction('fallback', options.fallback),
        onStateChange: optionalFunction('onStateChange', options.onStateChange),
        meter: options.meter,
        metrics,
        durationHistogram,
        initialState: options.initialState,
      };
    }
    function positive(option, value) {
      check(
        typeof value === 'number' && Number.isFinite(value) && value > 0,
        option,
        value,
        'a finite number > 0',
      );
      return value;
    }
    function openDurationFor(options, opens) {
      if (options.backoffMultiplier === 1) return options.openDurationMs;
      const grown = options.openDurationMs * options.backoffMultiplier ** Math.max(0, opens - 1);
      return Math.min(grown, options.maxOpenDurationMs);
    }
    exports2.RELOADABLE_OPTIONS = [
      'consecutiveFailures',
      'failureRate',
      'slowCall',
      'openDurationMs',
      'openBackoff',
      'halfOpenMaxCalls',
      'halfOpenSuccesses',
      'timeoutMs',
    ];
  },
});

// packages/circuit-breaker/dist/rolling-window.js
var require_rolling_window = __commonJS({
  'packages/circuit-breaker/dist/rolling-window.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.RollingWindow = void 0;
    var BUCKETS = 10;
    var RollingWindow = class {
      bucketMs;
      stamp = new Float64Array(BUCKETS).fill(-1);
      calls = new Uint32Array(BUCKETS);
      failures = new Uint32Array(BUCKETS);
      slow = new Uint32Array(BUCKETS);
      constructor(windowMs) {
        this.bucketMs = Math.max(windowMs / BUCKETS, 1e-3);
      }
      /** Counts one call that ended at `now` (epoch ms). */
      record(now, failed, slow) {
        const index = Math.floor(now / this.bucketMs);
        const slot = index % BUCKETS;
        if (this.stamp[slot] !== index) {
          this.stamp[slot] = index;
          this.calls[slot] = 0;
          this.failures[slot] = 0;
          this.slow[slot] = 0;
        }
        this.calls[slot]++;
        if (failed) this.failures[slot]++;
        if (slow) this.slow[slot]++;
      }
      /** Sums the buckets still inside the window at `now`. */
      totals(now) {
        const oldest = Math.floor(now / this.bucketMs) - BUCKETS + 1;
        const totals = { calls: 0, failures: 0, slow: 0 };
        for (let slot = 0; slot < BUCKETS; slot++) {
          if (this.stamp[slot] < oldest) continue;
          totals.calls += this.calls[slot];
          totals.failures += this.failures[slot];
          totals.slow += this.slow[slot];
        }
        return totals;
      }
      /** Forgets every call (on closing or reset). */
      clear() {
        this.stamp.fill(-1);
      }
    };
    exports2.RollingWindow = RollingWindow;
  },
});

// packages/circuit-breaker/dist/snapshot.js
var require_snapshot2 = __commonJS({
  'packages/circuit-breaker/dist/snapshot.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.restoreState = restoreState;
    var errors_1 = require_errors2();
    var state_1 = require_state();
    function restoreState(snapshot, openDurationMs, now) {
      if (snapshot === void 0) return state_1.CLOSED;
      if (typeof snapshot !== 'object' || snapshot === null) {
        throw new errors_1.InvalidBreakerOptionError(
          'initialState',
          snapshot,
          'a snapshot from breaker.toJSON()',
        );
      }
      const state = snapshot.state;
      if (!(0, state_1.isStateName)(state)) {
        throw new errors_1.InvalidBreakerOptionError(
          'initialState.state',
          state,
          `one of ${state_1.STATE_NAMES.join(', ')}`,
        );
      }
      const opens = finiteOr(snapshot.opens, 1);
      switch (state) {
        case 'closed':
          return state_1.CLOSED;
        case 'isolated':
          return state_1.ISOLATED;
        case 'disabled':
          return state_1.DISABLED;
        case 'half-open':
          return { state: 'half-open', opens, inFlight: 0, successes: 0 };
        case 'open': {
          const openedAt = finiteOr(snapshot.openedAt, now);
          return {
            state: 'open',
            openedAt,
            until: finiteOr(snapshot.until, openedAt + openDurationMs),
            opens,
          };
        }
      }
    }
    function finiteOr(value, fallback) {
      return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
    }
  },
});

// packages/circuit-breaker/dist/timeout.js
var require_timeout2 = __commonJS({
  'packages/circuit-breaker/dist/timeout.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.TimeoutScheduler = exports2.NEVER_ABORTED = void 0;
    exports2.NEVER_ABORTED = new AbortController().signal;
    var EARLY_MS = 1;
    var TimeoutScheduler = class {
      timeoutMs;
      queue = [];
      head = 0;
      timer;
      timerMs = 0;
      armed = false;
      constructor(timeoutMs) {
        this.timeoutMs = timeoutMs;
      }
      /** Pending timed calls (for tests and diagnostics). */
      get pending() {
        return this.queue.length - this.head;
      }
      /**
       * Runs `fn` with a deadline of `start + timeoutMs` (`performance.now()` time). On timeout the
       * returned promise rejects with `makeError()` and the signal handed to `fn` aborts with it; the
       * call's own late outcome is ignored. An AbortController is created only when `fn` declares a
       * parameter to receive the signal; an abort of `parent` is passed on to it.
       */
      run(fn, parent, start, makeError) {
        return new Promise((resolve, reject) => {
          const controller = fn.length > 0 ? new AbortController() : void 0;
          const onParentAbort = () => controller?.abort(parent?.reason);
          const entry = {
            deadline: start + this.timeoutMs,
            done: false,
            expire: () => {
              if (controller !== void 0) parent?.removeEventListener('abort', onParentAbort);
              const error = makeError();
              controller?.abort(error);
              reject(error);
            },
          };
          const settle = () => {
            if (entry.done) return false;
            entry.done = true;
            if (controller !== void 0) parent?.removeEventListener('abort', onParentAbort);
            this.dropSettled();
            return true;
          };
          if (controller !== void 0 && parent !== void 0) {
            if (parent.aborted) controller.abort(parent.reason);
            else parent.addEventListener('abort', onParentAbort, { once: true });
          }
          this.add(entry);
          let result;
          try {
            result = fn(controller?.signal ?? parent ?? exports2.NEVER_ABORTED);
          } catch (err) {
            if (settle()) reject(err);
            return;
          }
          Promise.resolve(result).then(
            (value) => {
              if (settle()) resolve(value);
            },
            (err) => {
              if (settle()) reject(err);
            },
          );
        });
      }
      /** Clears the timer; calls still pending will not time out. */
      dispose() {
        if (this.timer !== void 0) clearTimeout(this.timer);
        this.timer = void 0;
        this.armed = false;
      }
      add(entry) {
        this.queue.push(entry);
        if (!this.armed) this.arm(this.timeoutMs);
      }
      arm(ms) {
        this.armed = true;
        if (this.timer !== void 0 && this.timerMs === ms) {
          this.timer.refresh();
          return;
        }
        if (this.timer !== void 0) clearTimeout(this.timer);
        this.timerMs = ms;
        this.timer = setTimeout(() => this.fire(), ms);
        this.timer.unref?.();
      }
      fire() {
        this.armed = false;
        const now = performance.now();
        while (this.head < this.queue.length) {
          const entry = this.queue[this.head];
          if (!entry.done) {
            if (entry.deadline - now > EARLY_MS) {
              this.arm(Math.max(1, Math.ceil(entry.deadline - now)));
              return;
            }
            entry.done = true;
            entry.expire();
          }
          this.head++;
        }
        this.compact();
      }
      dropSettled() {
        while (this.head < this.queue.length && this.queue[this.head].done) this.head++;
        this.compact();
      }
      compact() {
        if (this.head === this.queue.length) {
          this.queue.length = 0;
          this.head = 0;
        } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
          this.queue.splice(0, this.head);
          this.head = 0;
        }
      }
    };
    exports2.TimeoutScheduler = TimeoutScheduler;
  },
});

// packages/circuit-breaker/dist/tracing.js
var require_tracing2 = __commonJS({
  'packages/circuit-breaker/dist/tracing.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.NAME_ATTRIBUTE =
      exports2.REJECTED_ATTRIBUTE =
      exports2.REJECTED_EVENT =
      exports2.STATE_CHANGE_EVENT =
        void 0;
    exports2.spanStateChange = spanStateChange;
    exports2.spanRejected = spanRejected;
    var api_1 = require('@opentelemetry/api');
    exports2.STATE_CHANGE_EVENT = 'otelkit.circuit_breaker.state_change';
    exports2.REJECTED_EVENT = 'otelkit.circuit_breaker.rejected';
    exports2.REJECTED_ATTRIBUTE = 'otelkit.circuit_breaker.rejected';
    exports2.NAME_ATTRIBUTE = 'otelkit.circuit_breaker.name';
    function spanStateChange(name, from, to) {
      const span = api_1.trace.getActiveSpan();
      if (span === void 0) return;
      span.addEvent(exports2.STATE_CHANGE_EVENT, {
        [exports2.NAME_ATTRIBUTE]: name,
        'otelkit.circuit_breaker.from': from,
        'otelkit.circuit_breaker.to': to,
      });
    }
    function spanRejected(name, state) {
      const span = api_1.trace.getActiveSpan();
      if (span === void 0) return;
      span.setAttribute(exports2.REJECTED_ATTRIBUTE, true);
      span.addEvent(exports2.REJECTED_EVENT, {
        [exports2.NAME_ATTRIBUTE]: name,
        'otelkit.circuit_breaker.state': state,
      });
    }
  },
});

// packages/circuit-breaker/dist/breaker.js
var require_breaker = __commonJS({
  'packages/circuit-breaker/dist/breaker.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.CircuitBreaker = void 0;
    exports2.createCircuitBreaker = createCircuitBreaker;
    var api_1 = require('@opentelemetry/api');
    var breaker_metrics_1 = require_breaker_metrics();
    var directory_1 = require_directory();
    var errors_1 = require_errors2();
    var events_1 = require_events();
    var health_check_1 = require_health_check();
    var instruments_1 = require_instruments3();
    var options_1 = require_options4();
    var rolling_window_1 = require_rolling_window();
    var snapshot_1 = require_snapshot2();
    var state_1 = require_state();
    var timeout_1 = require_timeout2();
    var tracing_1 = require_tracing2();
    var CircuitBreaker = class {
      /** The breaker's name (the `name` attribute of its metrics). */
      name;
      options;
      given;
      current;
      epoch = 0;
      consecutive = 0;
      window;
      slowMs;
      emitter = new events_1.Emitter();
      telemetry;
      scheduler;
      makeTimeoutError;
      listing;
      nSuccess = 0;
      nFailure = 0;
      nTimeout = 0;
      nRejected = 0;
      nFallback = 0;
      /** Prefer {@link createCircuitBreaker}; throws `OTELKIT_ERR_INVALID_BREAKER_OPTION` for bad options. */
      constructor(name, options = {}) {
        this.options = (0, options_1.resolveBreakerOptions)(name, options);
        this.given = options;
        this.name = name;
        const o = this.options;
        this.current = (0, snapshot_1.restoreState)(o.initialState, o.openDurationMs, Date.now());
        this.window =
          o.failureRate !== void 0 || o.slowCall !== void 0
            ? new rolling_window_1.RollingWindow(o.windowMs)
            : void 0;
        this.slowMs = o.slowCall?.durationMs ?? Number.POSITIVE_INFINITY;
        this.scheduler = o.timeoutMs > 0 ? new timeout_1.TimeoutScheduler(o.timeoutMs) : void 0;
        this.makeTimeoutError = () => new errors_1.CircuitTimeoutError(name, this.options.timeoutMs);
        if (o.onStateChange !== void 0) this.emitter.on('stateChange', o.onStateChange);
        if (o.metrics) {
          const binding = (0, instruments_1.bindingFor)(
            o.meter ?? api_1.metrics.getMeter(instruments_1.METER_NAME),
          );
          this.telemetry = new breaker_metrics_1.BreakerMetrics(name, binding, o.durationHistogram);
          this.telemetry.attach(this);
        }
        this.listing = (0, directory_1.enlist)(this);
      }
      /**
       * Validates new thresholds for this breaker and returns a function that applies them (for a live
       * reload, where every breaker is checked before any changes). The state and the counts are kept;
       * calls already running keep the timeout they started with. Only the thresholds in
       * {@link RELOADABLE_OPTIONS} can change; metric settings and callbacks cannot.
       * @throws InvalidBreakerOptionError naming the option and the value.
       */
      prepareReconfigure(changes) {
        for (const key of Object.keys(changes)) {
          if (!options_1.RELOADABLE_OPTIONS.includes(key)) {
            throw new errors_1.InvalidBreakerOptionError(
              key,
              changes[key],
              `one of ${options_1.RELOADABLE_OPTIONS.join(', ')} (others need a restart)`,
            );
          }
        }
        const given = { ...this.given, ...changes };
        const next = (0, options_1.resolveBreakerOptions)(this.name, given);
        return () => {
          const previous = this.options;
          this.given = given;
          this.options = next;
          if (next.failureRate === void 0 && next.slowCall === void 0) this.window = void 0;
          else if (this.window === void 0 || next.windowMs !== previous.windowMs)
            this.window = new rolling_window_1.RollingWindow(next.windowMs);
          this.slowMs = next.slowCall?.durationMs ?? Number.POSITIVE_INFINITY;
          if (next.timeoutMs !== previous.timeoutMs) {
            this.scheduler = next.timeoutMs > 0 ? new timeout_1.TimeoutScheduler(next.timeoutMs) : void 0;
          }
        };
      }
      /** The current state; an open circuit whose open period has passed reads (and becomes) half-open. */
      get state() {
        return this.refresh().state;
      }
      /** Cumulative call counts by outcome. `success + failure + timeout + rejected` is every settled call. */
      get counts() {
        return {
          success: this.nSuccess,
          failure: this.nFailure,
          timeout: this.nTimeout,
          rejected: this.nRejected,
          fallback: this.nFallback,
        };
      }
      /**
       * Runs `fn` through the breaker. `fn` gets an AbortSignal, aborted on timeout (and when `signal`
       * aborts). Rejects fast with a `CircuitOpenError` when the circuit does not let the call through,
       * with a `CircuitTimeoutError` on timeout, or with `fn`'s own error; with a `fallback`, resolves to
       * the fallback's value instead.
       * @example
       * const movie = await breaker.execute((signal) => fetch(url, { signal }).then((r) => r.json()));
       */
      execute(fn, signal) {
        const s = this.current;
        if (s.state === 'closed' || s.state === 'disabled') return this.attempt(fn, signal, this.epoch);
        return this.admit(fn, signal);
      }
      /** Holds the circuit open (state `isolated`) until `reset()`. */
      isolate() {
        this.transition(state_1.ISOLATED, Date.now());
      }
      /** Closes the circuit and forgets recent failures, from any state. */
      reset() {
        this.consecutive = 0;
        this.window?.clear();
        this.transition(state_1.CLOSED, Date.now());
      }
      /** Lets every call through and never opens (state `disabled`) until `reset()`. */
      disable() {
        this.transition(state_1.DISABLED, Date.now());
      }
      /** Adds a listener; returns a function that removes it. */
      on(event, listener) {
        return this.emitter.on(event, listener);
      }
      /** Removes a listener added with `on`. */
      off(event, listener) {
        this.emitter.off(event, listener);
      }
      /** A snapshot of the state that `initialState` accepts, plus the counts. */
      toJSON() {
        const s = this.refresh();
        const base = {
          version: 1,
          name: this.name,
          consecutiveFailures: this.consecutive,
          counts: this.counts,
        };
        if (s.state === 'open')
          return { ...base, state: s.state, openedAt: s.openedAt, until: s.until, opens: s.opens };
        if (s.state === 'half-open') return { ...base, state: s.state, opens: s.opens };
        return { ...base, state: s.state };
      }
      /**
       * A health check for `@otelkit/health`: closed and disabled pass, half-open warns, open and
       * isolated report `whenOpen` (default `'warn'`).
       * @example
       * health.register('tmdb', breaker.healthCheck({ whenOpen: 'fail' }));
       */
      healthCheck(options) {
        return (0, health_check_1.breakerHealthCheck)(() => this.toJSON(), options);
      }
      /**
       * Stops reporting metrics (buffered durations are flushed first), clears the timeout timer, drops
       * every listener and leaves the directory (`listBreakers()`). Calls still work afterwards, without
       * metrics.
       */
      dispose() {
        (0, directory_1.delist)(this.listing);
        this.scheduler?.dispose();
        this.telemetry?.detach();
        this.emitter.clear();
      }
      /** @internal Called by the meter's batch callback at collection time. */
      collectMetrics(result, instruments) {
        this.telemetry?.collect(result, instruments, this.state, this.counts);
      }
      refresh() {
        const s = this.current;
        if (s.state === 'open' && Date.now() >= s.until) {
          this.transition({ state: 'half-open', opens: s.opens, inFlight: 0, successes: 0 }, s.until);
        }
        return this.current;
      }
      admit(fn, signal) {
        const s = this.refresh();
        if (s.state === 'closed' || s.state === 'disabled') return this.attempt(fn, signal, this.epoch);
        if (s.state === 'half-open' && s.inFlight < this.options.halfOpenMaxCalls) {
          s.inFlight++;
          return this.attempt(fn, signal, this.epoch);
        }
        return this.reject(s);
      }
      async attempt(fn, signal, epoch) {
        const start = performance.now();
        const scheduler = this.scheduler;
        let value;
        try {
          value =
            scheduler !== void 0
              ? await scheduler.run(fn, signal, start, this.makeTimeoutError)
              : await fn(signal ?? timeout_1.NEVER_ABORTED);
        } catch (err) {
          const end2 = performance.now();
          return this.onError(err, end2 - start, epoch, end2);
        }
        const end = performance.now();
        this.onSuccess(end - start, epoch, end);
        return value;
      }
      /** `at` is the `performance.now()` the call ended at: the failure-rate window's (monotonic) clock. */
      onSuccess(ms, epoch, at) {
        this.nSuccess++;
        this.telemetry?.recordDuration(ms, breaker_metrics_1.DURATION_SUCCESS);
        if (epoch === this.epoch) {
          const s = this.current;
          if (s.state === 'closed') {
            this.consecutive = 0;
            if (this.window !== void 0) {
              const slow = ms >= this.slowMs;
              this.window.record(at, false, slow);
              if (slow) this.evaluateWindow();
            }
          } else if (s.state === 'half-open') {
            s.inFlight--;
            s.successes++;
            if (s.successes >= this.options.halfOpenSuccesses) this.transition(state_1.CLOSED, Date.now());
          }
        }
        if (this.emitter.has('success')) this.emitter.emit('success', { name: this.name, durationMs: ms });
      }
      onError(err, ms, epoch, at) {
        const timedOut = (0, errors_1.isCircuitTimeoutError)(err);
        if (!timedOut && !this.countsAsFailure(err)) {
          this.onSuccess(ms, epoch, at);
          return Promise.reject(err);
        }
        if (timedOut) this.nTimeout++;
        else this.nFailure++;
        this.telemetry?.recordDuration(
          ms,
          timedOut ? breaker_metrics_1.DURATION_TIMEOUT : breaker_metrics_1.DURATION_FAILURE,
        );
        if (epoch === this.epoch) {
          const s = this.current;
          if (s.state === 'closed') {
            this.consecutive++;
            this.window?.record(at, true, ms >= this.slowMs);
            if (this.consecutive >= this.options.consecutiveFailures) this.open(1);
            else if (this.window !== void 0) this.evaluateWindow();
          } else if (s.state === 'half-open') {
            this.open(s.opens + 1);
          }
        }
        const event = timedOut ? 'timeout' : 'failure';
        if (this.emitter.has(event))
          this.emitter.emit(event, { name: this.name, durationMs: ms, error: err });
        return this.fallbackOr(err);
      }
      reject(s) {
        this.nRejected++;
        (0, tracing_1.spanRejected)(this.name, s.state);
        if (this.emitter.has('rejected')) this.emitter.emit('rejected', { name: this.name, state: s.state });
        const retryAt = s.state === 'open' ? s.until : void 0;
        return this.fallbackOr(new errors_1.CircuitOpenError(this.name, s.state, retryAt));
      }
      fallbackOr(err) {
        const fallback = this.options.fallback;
        if (fallback === void 0) return Promise.reject(err);
        this.nFallback++;
        if (this.emitter.has('fallback')) this.emitter.emit('fallback', { name: this.name, error: err });
        return new Promise((resolve) => resolve(fallback(err)));
      }
      countsAsFailure(err) {
        try {
          return this.options.isFailure(err) !== false;
        } catch (predicateError) {
          api_1.diag.warn(
            `@otelkit/circuit-breaker '${this.name}': isFailure threw; counting the error`,
            predicateError,
          );
          return true;
        }
      }
      evaluateWindow() {
        const { failureRate, slowCall } = this.options;
        const totals = this.window.totals(performance.now());
        const tripsOnFailures =
          failureRate !== void 0 &&
          totals.calls >= failureRate.minimumCalls &&
          totals.failures / totals.calls >= failureRate.threshold;
        const tripsOnSlow =
          slowCall !== void 0 &&
          totals.calls >= slowCall.minimumCalls &&
          totals.slow / totals.calls >= slowCall.rateThreshold;
        if (tripsOnFailures || tripsOnSlow) this.open(1);
      }
      open(opens) {
        const now = Date.now();
        this.transition(
          {
            state: 'open',
            openedAt: now,
            until: now + (0, options_1.openDurationFor)(this.options, opens),
            opens,
          },
          now,
        );
      }
      transition(next, at) {
        const from = this.current.state;
        if (from === next.state) return;
        this.current = next;
        this.epoch++;
        if (next.state === 'closed') {
          this.consecutive = 0;
          this.window?.clear();
        }
        this.telemetry?.countTransition(from, next.state);
        (0, tracing_1.spanStateChange)(this.name, from, next.state);
        if (this.emitter.has('stateChange'))
          this.emitter.emit('stateChange', { name: this.name, from, to: next.state, at });
      }
    };
    exports2.CircuitBreaker = CircuitBreaker;
    function createCircuitBreaker(name, options) {
      return new CircuitBreaker(name, options);
    }
  },
});

// packages/circuit-breaker/dist/bulkhead.js
var require_bulkhead = __commonJS({
  'packages/circuit-breaker/dist/bulkhead.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.Bulkhead = void 0;
    exports2.bulkhead = bulkhead;
    var errors_1 = require_errors2();
    var timeout_1 = require_timeout2();
    var Bulkhead = class {
      /** Name used in errors. */
      name;
      /** Calls allowed to run at once. */
      maxConcurrent;
      /** Calls allowed to wait. */
      maxQueue;
      active = 0;
      waiting = [];
      constructor(options) {
        const { maxConcurrent, maxQueue = 0, name = 'bulkhead' } = options ?? {};
        if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) {
          throw new errors_1.InvalidBreakerOptionError('maxConcurrent', maxConcurrent, 'an integer >= 1');
        }
        if (!Number.isInteger(maxQueue) || maxQueue < 0) {
          throw new errors_1.InvalidBreakerOptionError('maxQueue', maxQueue, 'an integer >= 0');
        }
        this.name = name;
        this.maxConcurrent = maxConcurrent;
        this.maxQueue = maxQueue;
      }
      /** Calls running now. */
      get running() {
        return this.active;
      }
      /** Calls waiting for a slot now. */
      get queued() {
        return this.waiting.length;
      }
      /**
       * Runs `fn` when a slot is free; same signature as `CircuitBreaker.execute`, so the two nest.
       * @example
       * const limit = bulkhead({ maxConcurrent: 10, maxQueue: 50 });
       * await limit.execute((signal) => breaker.execute((inner) => fetchThing(inner), signal));
       */
      execute(fn, signal) {
        if (this.active < this.maxConcurrent) return this.run(fn, signal);
        if (this.waiting.length >= this.maxQueue) {
          return Promise.reject(
            new errors_1.BulkheadRejectedError(this.name, this.maxConcurrent, this.maxQueue),
          );
        }
        if (signal?.aborted) return Promise.reject(signal.reason);
        return new Promise((resolve, reject) => {
          const onAbort = () => {
            const index = this.waiting.indexOf(waiter);
            if (index >= 0) this.waiting.splice(index, 1);
            reject(signal?.reason);
          };
          const waiter = {
            start: () => {
              signal?.removeEventListener('abort', onAbort);
              this.run(fn, signal).then(resolve, reject);
            },
          };
          signal?.addEventListener('abort', onAbort, { once: true });
          this.waiting.push(waiter);
        });
      }
      async run(fn, signal) {
        this.active++;
        try {
          return await fn(signal ?? timeout_1.NEVER_ABORTED);
        } finally {
          this.active--;
          this.waiting.shift()?.start();
        }
      }
    };
    exports2.Bulkhead = Bulkhead;
    function bulkhead(options) {
      return new Bulkhead(options);
    }
  },
});

// packages/circuit-breaker/dist/registry.js
var require_registry2 = __commonJS({
  'packages/circuit-breaker/dist/registry.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.BreakerRegistry = void 0;
    exports2.createBreakerRegistry = createBreakerRegistry;
    var breaker_1 = require_breaker();
    var options_1 = require_options4();
    var BreakerRegistry = class {
      defaults;
      dependencies;
      created = /* @__PURE__ */ new Map();
      constructor(options = {}) {
        this.defaults = { ...options.defaults };
        this.dependencies = { ...options.dependencies };
        for (const [name, dependency] of Object.entries(this.dependencies)) {
          (0, options_1.resolveBreakerOptions)(name, { ...this.defaults, ...dependency });
        }
      }
      /** The breaker for `name`, created on first use from the defaults and its dependency options. */
      get(name) {
        let breaker = this.created.get(name);
        if (breaker === void 0) {
          breaker = new breaker_1.CircuitBreaker(name, this.optionsFor(name));
          this.created.set(name, breaker);
        }
        return breaker;
      }
      /** The merged options `get(name)` uses. */
      optionsFor(name) {
        return { ...this.defaults, ...this.dependencies[name] };
      }
      /** Runs `fn` through the breaker for `dependency`. */
      execute(dependency, fn, signal) {
        return this.get(dependency).execute(fn, signal);
      }
      /** Names of the configured dependencies and of every breaker created so far. */
      names() {
        return [.../* @__PURE__ */ new Set([...Object.keys(this.dependencies), ...this.created.keys()])];
      }
      /** One health check per dependency name (creating the breakers that do not exist yet). */
      healthChecks(options) {
        const checks = {};
        for (const name of this.names()) checks[name] = this.get(name).healthCheck(options);
        return checks;
      }
      /** Snapshots of the breakers created so far, by name. */
      toJSON() {
        const out = {};
        for (const [name, breaker] of this.created) out[name] = breaker.toJSON();
        return out;
      }
      /** Disposes every breaker created so far and forgets them. */
      dispose() {
        for (const breaker of this.created.values()) breaker.dispose();
        this.created.clear();
      }
    };
    exports2.BreakerRegistry = BreakerRegistry;
    function createBreakerRegistry(options) {
      return new BreakerRegistry(options);
    }
  },
});

// packages/circuit-breaker/dist/index.js
var require_dist4 = __commonJS({
  'packages/circuit-breaker/dist/index.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.STATE_CHANGE_EVENT =
      exports2.REJECTED_EVENT =
      exports2.REJECTED_ATTRIBUTE =
      exports2.createBreakerRegistry =
      exports2.BreakerRegistry =
      exports2.RELOADABLE_OPTIONS =
      exports2.defaultIsFailure =
      exports2.BREAKER_DEFAULTS =
      exports2.METRIC_NAMES =
      exports2.METER_NAME =
      exports2.DURATION_BUCKETS_S =
      exports2.isInvalidBreakerOptionError =
      exports2.isCircuitTimeoutError =
      exports2.isCircuitOpenError =
      exports2.isBulkheadRejectedError =
      exports2.InvalidBreakerOptionError =
      exports2.INVALID_BREAKER_OPTION_CODE =
      exports2.CircuitTimeoutError =
      exports2.CircuitOpenError =
      exports2.CIRCUIT_TIMEOUT_CODE =
      exports2.CIRCUIT_OPEN_CODE =
      exports2.BulkheadRejectedError =
      exports2.BULKHEAD_FULL_CODE =
      exports2.listBreakers =
      exports2.findBreaker =
      exports2.bulkhead =
      exports2.Bulkhead =
      exports2.createCircuitBreaker =
      exports2.CircuitBreaker =
        void 0;
    var breaker_1 = require_breaker();
    Object.defineProperty(exports2, 'CircuitBreaker', {
      enumerable: true,
      get: () => breaker_1.CircuitBreaker,
    });
    Object.defineProperty(exports2, 'createCircuitBreaker', {
      enumerable: true,
      get: () => breaker_1.createCircuitBreaker,
    });
    var bulkhead_1 = require_bulkhead();
    Object.defineProperty(exports2, 'Bulkhead', { enumerable: true, get: () => bulkhead_1.Bulkhead });
    Object.defineProperty(exports2, 'bulkhead', { enumerable: true, get: () => bulkhead_1.bulkhead });
    var directory_1 = require_directory();
    Object.defineProperty(exports2, 'findBreaker', { enumerable: true, get: () => directory_1.findBreaker });
    Object.defineProperty(exports2, 'listBreakers', {
      enumerable: true,
      get: () => directory_1.listBreakers,
    });
    var errors_1 = require_errors2();
    Object.defineProperty(exports2, 'BULKHEAD_FULL_CODE', {
      enumerable: true,
      get: () => errors_1.BULKHEAD_FULL_CODE,
    });
    Object.defineProperty(exports2, 'BulkheadRejectedError', {
      enumerable: true,
      get: () => errors_1.BulkheadRejectedError,
    });
    Object.defineProperty(exports2, 'CIRCUIT_OPEN_CODE', {
      enumerable: true,
      get: () => errors_1.CIRCUIT_OPEN_CODE,
    });
    Object.defineProperty(exports2, 'CIRCUIT_TIMEOUT_CODE', {
      enumerable: true,
      get: () => errors_1.CIRCUIT_TIMEOUT_CODE,
    });
    Object.defineProperty(exports2, 'CircuitOpenError', {
      enumerable: true,
      get: () => errors_1.CircuitOpenError,
    });
    Object.defineProperty(exports2, 'CircuitTimeoutError', {
      enumerable: true,
      get: () => errors_1.CircuitTimeoutError,
    });
    Object.defineProperty(exports2, 'INVALID_BREAKER_OPTION_CODE', {
      enumerable: true,
      get: () => errors_1.INVALID_BREAKER_OPTION_CODE,
    });
    Object.defineProperty(exports2, 'InvalidBreakerOptionError', {
      enumerable: true,
      get: () => errors_1.InvalidBreakerOptionError,
    });
    Object.defineProperty(exports2, 'isBulkheadRejectedError', {
      enumerable: true,
      get: () => errors_1.isBulkheadRejectedError,
    });
    Object.defineProperty(exports2, 'isCircuitOpenError', {
      enumerable: true,
      get: () => errors_1.isCircuitOpenError,
    });
    Object.defineProperty(exports2, 'isCircuitTimeoutError', {
      enumerable: true,
      get: () => errors_1.isCircuitTimeoutError,
    });
    Object.defineProperty(exports2, 'isInvalidBreakerOptionError', {
      enumerable: true,
      get: () => errors_1.isInvalidBreakerOptionError,
    });
    var instruments_1 = require_instruments3();
    Object.defineProperty(exports2, 'DURATION_BUCKETS_S', {
      enumerable: true,
      get: () => instruments_1.DURATION_BUCKETS_S,
    });
    Object.defineProperty(exports2, 'METER_NAME', { enumerable: true, get: () => instruments_1.METER_NAME });
    Object.defineProperty(exports2, 'METRIC_NAMES', {
      enumerable: true,
      get: () => instruments_1.METRIC_NAMES,
    });
    var options_1 = require_options4();
    Object.defineProperty(exports2, 'BREAKER_DEFAULTS', {
      enumerable: true,
      get: () => options_1.BREAKER_DEFAULTS,
    });
    Object.defineProperty(exports2, 'defaultIsFailure', {
      enumerable: true,
      get: () => options_1.defaultIsFailure,
    });
    Object.defineProperty(exports2, 'RELOADABLE_OPTIONS', {
      enumerable: true,
      get: () => options_1.RELOADABLE_OPTIONS,
    });
    var registry_1 = require_registry2();
    Object.defineProperty(exports2, 'BreakerRegistry', {
      enumerable: true,
      get: () => registry_1.BreakerRegistry,
    });
    Object.defineProperty(exports2, 'createBreakerRegistry', {
      enumerable: true,
      get: () => registry_1.createBreakerRegistry,
    });
    var tracing_1 = require_tracing2();
    Object.defineProperty(exports2, 'REJECTED_ATTRIBUTE', {
      enumerable: true,
      get: () => tracing_1.REJECTED_ATTRIBUTE,
    });
    Object.defineProperty(exports2, 'REJECTED_EVENT', {
      enumerable: true,
      get: () => tracing_1.REJECTED_EVENT,
    });
    Object.defineProperty(exports2, 'STATE_CHANGE_EVENT', {
      enumerable: true,
      get: () => tracing_1.STATE_CHANGE_EVENT,
    });
  },
});

// packages/register/dist/operator/breakers.js
var require_breakers = __commonJS({
  'packages/register/dist/operator/breakers.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.BREAKERS_SECTION = exports2.BREAKERS_PATH = void 0;
    exports2.mountBreakerOperator = mountBreakerOperator;
    var api_1 = require('@opentelemetry/api');
    var health_1 = require_dist2();
    exports2.BREAKERS_PATH = '/circuit-breakers';
    exports2.BREAKERS_SECTION = 'circuitBreakers';
    var loaded;
    function liveBreakers() {
      try {
        loaded ??= require_dist4();
      } catch (error) {
        api_1.diag.warn(`otelkit: @otelkit/circuit-breaker could not be loaded: ${String(error)}`);
        return [];
      }
      return loaded.listBreakers();
    }
    function mountBreakerOperator(telemetry, health) {
      if (telemetry.server !== void 0) {
        (0, health_1.mountOperatorActions)(telemetry.server, (0, health_1.operatorAudit)(telemetry), {
          prefix: exports2.BREAKERS_PATH,
          kind: 'breaker',
          verbs: ['isolate', 'reset'],
          perform(name, verb) {
            const targets = liveBreakers().filter((b) => b.name === name);
            const newest = targets.at(-1);
            if (newest === void 0) return void 0;
            for (const breaker of targets) {
              if (verb === 'isolate') breaker.isolate();
              else breaker.reset();
            }
            const snapshot = newest.toJSON();
            return { body: { ...snapshot, instances: targets.length }, detail: `state ${snapshot.state}` };
          },
        });
      }
      health?.addStatusSection(exports2.BREAKERS_SECTION, () => liveBreakers().map((b) => b.toJSON()));
    }
  },
});

// packages/register/dist/reload-breakers.js
var require_reload_breakers = __commonJS({
  'packages/register/dist/reload-breakers.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.breakersReloadTarget = breakersReloadTarget;
    var core_1 = require_dist();
    function breakersReloadTarget(path) {
      return {
        section: 'breakers',
        check: (value) => {
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            (0, core_1.invalid)(
              `breakers in ${path}`,
              JSON.stringify(value),
              'an object of breaker names to settings',
            );
          }
          const { listBreakers, isInvalidBreakerOptionError } = require_dist4();
          const live = listBreakers();
          const appliers = [];
          for (const [name, changes] of Object.entries(value)) {
            if (changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
              (0, core_1.invalid)(
                `breakers.${name} in ${path}`,
                JSON.stringify(changes),
                'an object of breaker settings',
              );
            }
            for (const breaker of live.filter((b) => b.name === name)) {
              try {
                appliers.push(breaker.prepareReconfigure(changes));
              } catch (error) {
                if (!isInvalidBreakerOptionError(error)) throw error;
                (0, core_1.invalid)(
                  `breakers.${name}.${error.option} in ${path}`,
                  error.value,
                  error.message.split(': expected ')[1] ?? 'a valid value',
                );
              }
            }
          }
          return () => {
            for (const apply of appliers) apply();
          };
        },
      };
    }
  },
});

// packages/register/dist/summary.js
var require_summary = __commonJS({
  'packages/register/dist/summary.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.configurationSummary = configurationSummary;
    function configurationSummary(config, tracing, instrumentations, role) {
      const lines = [
        `service: ${config.serviceName}${config.serviceVersion === void 0 ? '' : `@${config.serviceVersion}`} (${role}, pid ${process.pid})`,
        `metrics exporters: ${config.metricsExporters.join(', ')}${config.otlp.endpoint === void 0 ? '' : `; OTLP ${config.otlp.endpoint} every ${config.exportIntervalMs} ms`}`,
        `observability server: ${config.server ? `${config.host}:${config.port}${config.tls === void 0 ? '' : ' (TLS)'}${config.auth === void 0 ? '' : ` (${config.auth.type} auth)`}` : 'off'}`,
        `runtime metrics: ${config.runtimeMetrics ? config.runtimeMetricsNaming : 'off'}`,
      ];
      if (tracing !== void 0) {
        const c = tracing.config;
        lines.push(
          `traces exporters: ${c.exporters.join(', ')}${c.exporters.includes('otlp') ? ` -> ${c.endpoint}` : ''}`,
        );
        lines.push(
          `sampler: ${c.sampler}${c.sampler.includes('ratio') ? ` (${c.samplerRatio})` : ''}; propagators: ${c.propagators.join(', ')}`,
        );
      }
      lines.push('instrumentations: http, https, fetch (always on)');
      for (const line of instrumentations) lines.push(`  ${line}`);
      return lines;
    }
  },
});

// packages/register/dist/cluster/worker.js
var require_worker = __commonJS({
  'packages/register/dist/cluster/worker.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.answerPrimary = answerPrimary;
    var core_1 = require_dist();
    var protocol_1 = require_protocol();
    function answerPrimary(telemetry) {
      const listener = (message) => {
        if (!(0, protocol_1.isMessage)(message, protocol_1.REQUEST)) return;
        void telemetry.collect().then(
          (metrics) => {
            const response = {
              type: protocol_1.RESPONSE,
              id: message.id,
              text: metrics === void 0 ? '' : (0, core_1.serializeMetrics)(metrics, { format: 'prometheus' }),
            };
            if (process.connected) process.send?.(response);
          },
          () => {},
        );
      };
      process.on('message', listener);
    }
  },
});

// packages/register/dist/register.js
var require_register = __commonJS({
  'packages/register/dist/register.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    exports2.register = register;
    var api_1 = require('@opentelemetry/api');
    var core_1 = require_dist();
    var health_1 = require_dist2();
    var tracing_1 = require_dist3();
    var health_2 = require_health2();
    var lazy_1 = require_lazy();
    var primary_1 = require_primary();
    var exit_flush_1 = require_exit_flush();
    var instrumentations_1 = require_instrumentations();
    var listen_hook_1 = require_listen_hook();
    var breakers_1 = require_breakers();
    var reload_breakers_1 = require_reload_breakers();
    var summary_1 = require_summary();
    function register(options = {}) {
      const env = options.env ?? process.env;
      const { config } = (0, core_1.resolveConfig)(options, env);
      if (config.disabled) return void 0;
      const enabled =
        options.instrumentations ??
        (0, instrumentations_1.parseEnabledInstrumentations)(env.OTEL_NODE_ENABLED_INSTRUMENTATIONS);
      const worker = (0, lazy_1.isClusterWorker)();
      if (options.tracing !== false)
        (0, tracing_1.resolveTracingConfig)({ env, ...options.tracing }, env, config.preset);
      if (options.health !== false) {
        (0, health_1.resolveHealthOptions)(
          { env, ...options.health },
          config.shutdownTimeoutMs,
          config.preset,
        );
      }
      const telemetry = (0, core_1.startTelemetry)({ ...options, server: worker ? false : options.server });
      let tracing;
      let health;
      try {
        tracing =
          options.tracing === false
            ? void 0
            : (0, tracing_1.startTracing)(telemetry, { env, ...options.tracing });
        const loaded = (0, instrumentations_1.loadInstrumentations)(enabled);
        if (loaded.instrumentations.length > 0) {
          const early = (0, instrumentations_1.loadedBeforeHooks)(loaded.names);
          if (early.length > 0) {
            api_1.diag.warn(
              `otelkit: ${early.join(', ')} loaded before otelkit's module hooks and may not be instrumented: start the app with --require/--import @otelkit/register, or call register() before importing it`,
            );
          }
          const { registerInstrumentations } = require('@opentelemetry/instrumentation');
          registerInstrumentations({
            instrumentations: loaded.instrumentations,
            tracerProvider: api_1.trace.getTracerProvider(),
            meterProvider: api_1.metrics.getMeterProvider(),
          });
        }
        if (options.health !== false) {
          health = (0, health_1.startHealth)(telemetry, {
            env,
            handleSignals: true,
            routes: !worker,
            // Workers serve no page; elsewhere the preset (or the default) decides.
            ...(worker ? { statusPage: false } : {}),
            ...options.health,
          });
        }
        const operator = options.health === false || options.health?.operatorRoutes !== false;
        if (!worker && operator) (0, breakers_1.mountBreakerOperator)(telemetry, health);
        if (config.configFile !== void 0)
          telemetry.addReloadTarget((0, reload_breakers_1.breakersReloadTarget)(config.configFile));
        const role = worker ? 'cluster worker' : 'process';
        for (const line of (0, summary_1.configurationSummary)(config, tracing, loaded.report, role))
          api_1.diag.debug(`otelkit: ${line}`);
      } catch (error) {
        void telemetry.shutdown();
        throw error;
      }
      let ready = false;
      const uninstallHook = (0, listen_hook_1.onServerListening)((server) => {
        if (health === void 0) return;
        if ((0, listen_hook_1.isHttpServer)(server)) health.trackServer(server);
        if (!ready) {
          ready = true;
          health.markReady();
        }
      });
      if (worker) require_worker().answerPrimary(telemetry);
      else {
        (0, primary_1.serveClusterMetrics)(telemetry);
        if (health !== void 0) (0, health_2.registerWorkersCheck)(health);
      }
      const stopFlush = (0, exit_flush_1.flushBeforeExit)(() => telemetry.shutdown());
      let stopping;
      return {
        telemetry,
        tracing,
        health,
        shutdown: () => {
          stopping ??= (async () => {
            uninstallHook();
            stopFlush();
            health?.close();
            await telemetry.shutdown();
          })();
          return stopping;
        },
      };
    }
  },
});

// packages/register/dist/preload.js
var require_preload = __commonJS({
  'packages/register/dist/preload.js'(exports2) {
    Object.defineProperty(exports2, '__esModule', { value: true });
    var core_1 = require_dist();
    var register_1 = require_register();
    var STARTED = /* @__PURE__ */ Symbol.for('otelkit.register.started');
    var state = globalThis;
    if (state[STARTED] !== true) {
      state[STARTED] = true;
      try {
        (0, register_1.register)();
      } catch (error) {
        if ((0, core_1.isOtelkitError)(error) && error.code === 'OTELKIT_ERR_INVALID_CONFIG') {
          process.stderr.write(`otelkit: ${error.message}
`);
          process.exit(1);
        }
        process.stderr.write(`otelkit: telemetry not started, the app runs without it: ${String(error)}
`);
      }
    }
  },
});

// packages/register/dist/index.js
Object.defineProperty(exports, '__esModule', { value: true });
var node_worker_threads_1 = require('node:worker_threads');
if (node_worker_threads_1.isMainThread) require_preload();
