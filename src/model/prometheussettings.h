// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "prom/promendpoint.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Specula::Model {

// How a connection reaches its Prometheus: found automatically, not at all, at a URL, or at a
// Service the user pins (reached through the API server's service proxy).
struct PrometheusSettings
{
    enum class Mode { Auto, None, Url, Service };
    Mode mode = Mode::Auto;
    QUrl url; // Mode::Url
    QString ns, service, port; // Mode::Service
    bool https = false; // Mode::Service: the proxy's https: scheme
    // Direct URLs only; the service proxy authenticates with the cluster's own credentials.
    QString bearerToken;
    QString username, password;
    QList<QPair<QByteArray, QByteArray>> headers; // X-Scope-OrgID for Mimir, Cortex and Thanos tenants
    QString caFile; // PEM bundle to verify the URL's certificate with
    bool insecureSkipTlsVerify = false;

    // "auto", "none", "http(s)://host:port/prefix" or "service:NAMESPACE/[https:]NAME:PORT".
    static Core::Result<PrometheusSettings> parse(const QString &spec);
    // The text parse() reads back into the same mode, URL or service.
    QString spec() const;
    // A direct endpoint with the auth above; Mode::Url only. Fails on an unreadable CA file.
    Core::Result<Prom::PromEndpoint> directEndpoint() const;
    // "HTTP header" as curl takes it: "Name: value".
    static Core::Result<QPair<QByteArray, QByteArray>> parseHeader(const QString &text);

    friend bool operator==(const PrometheusSettings &, const PrometheusSettings &) = default;
};

} // namespace Specula::Model
