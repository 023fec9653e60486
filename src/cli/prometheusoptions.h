// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/connectionoptions.h"
#include "core/result.h"
#include "model/prometheussettings.h"

class QCommandLineParser;

namespace Specula::Cli {

// --prometheus auto|none|URL|service:NS/[https:]NAME:PORT and the direct URL's auth:
// --prometheus-token-file, --prometheus-user (password from SPECULA_PROMETHEUS_PASSWORD),
// --prometheus-header "Name: value" (repeatable), --prometheus-ca, --prometheus-insecure.
// Secrets come from a file or the environment, never from the command line, which other users
// of the machine can read.
struct PrometheusOptions
{
    static void addTo(QCommandLineParser &parser);
    // The options given override the profile's settings (if the connection has one) one by one;
    // --prometheus replaces them whole, so a profile's auth is never sent to another Prometheus.
    static Core::Result<Model::PrometheusSettings> from(const QCommandLineParser &parser,
                                                        const ConnectionOptions &connection);
    // Whether the connection's profile keeps secrets for `settings`: only the Prometheus URL the
    // profile names gets them, never a URL given on the command line.
    static bool takesProfileSecrets(const ConnectionOptions &connection, const Model::PrometheusSettings &settings);
};

} // namespace Specula::Cli
