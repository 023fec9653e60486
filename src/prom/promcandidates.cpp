// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/promcandidates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace Specula::Prom {
namespace {

// How one install names its Service. An empty namespace matches any; a name pattern ending in
// '*' is a prefix, one starting with '*' a suffix; a `label` ("key=value"), when given, matches
// too (Helm truncates release-derived names). `portName` is the port the install serves the
// HTTP API on, `defaultPort` what the fixed fallback list uses when Services cannot be listed.
struct Install
{
    const char *flavor;
    const char *ns;
    const char *name;
    const char *label;
    const char *portName;
    int defaultPort;
    bool https;
};

// Queriers that see every replica first, then single Prometheus servers by how specific the
// name is. Thanos' and VictoriaMetrics' own services answer the same API.
constexpr Install kInstalls[] = {
    { "OpenShift thanos-querier", "openshift-monitoring", "thanos-querier", "", "web", 9091, true },
    { "Thanos Query", "", "*thanos-query", "app.kubernetes.io/component=query-layer", "http", 9090, false },
    { "kube-prometheus", "", "prometheus-k8s", "", "web", 9090, false },
    { "kube-prometheus-stack", "", "*-kube-prometheus-prometheus", "app=kube-prometheus-stack-prometheus", "http-web",
      9090, false },
    { "Prometheus Operator", "", "prometheus-operated", "", "web", 9090, false },
    { "Prometheus Helm chart", "", "*prometheus-server", "", "http", 80, false },
    { "Lens metrics", "lens-metrics", "prometheus", "", "web", 80, false },
    { "VictoriaMetrics", "", "vmsingle-*", "", "http", 8429, false },
    { "VictoriaMetrics", "", "*victoria-metrics-single-server", "", "http", 8428, false },
};

bool nameMatches(const QString &pattern, const QString &name)
{
    if (pattern.startsWith(QLatin1Char('*')))
        return name.endsWith(QStringView(pattern).mid(1));
    if (pattern.endsWith(QLatin1Char('*')))
        return name.startsWith(QStringView(pattern).chopped(1));
    return name == pattern;
}

// The port the install names, else the only port, else the first one that looks like HTTP.
QString pickPort(const QJsonArray &ports, const Install &install)
{
    for (const QJsonValue &port : ports) {
        if (port[QLatin1String("name")].toString() == QLatin1String(install.portName))
            return QString::number(port[QLatin1String("port")].toInt());
    }
    for (const QJsonValue &port : ports) {
        if (port[QLatin1String("port")].toInt() == install.defaultPort)
            return QString::number(install.defaultPort);
    }
    if (!ports.isEmpty())
        return QString::number(ports.first()[QLatin1String("port")].toInt());
    return {};
}

} // namespace

QString PromCandidate::id() const
{
    return QStringLiteral("%1/%2%3:%4").arg(ns, https ? QStringLiteral("https:") : QString(), service, port);
}

Core::Result<QList<PromCandidate>> PromCandidates::fromServiceList(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject() || !doc[QLatin1String("items")].isArray()) {
        Core::Error error;
        error.kind = Core::Error::Kind::Parse;
        error.where = QStringLiteral("/api/v1/services");
        error.message = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("the Service list is not JSON: %1 at offset %2")
                  .arg(parseError.errorString())
                  .arg(parseError.offset)
            : QStringLiteral("the answer is not a ServiceList (no items)");
        return error;
    }
    QList<PromCandidate> found;
    for (const QJsonValue &item : doc[QLatin1String("items")].toArray()) {
        const QJsonObject meta = item[QLatin1String("metadata")].toObject();
        const QString ns = meta[QLatin1String("namespace")].toString();
        const QString name = meta[QLatin1String("name")].toString();
        const QJsonObject labels = meta[QLatin1String("labels")].toObject();
        auto labelMatches = [&labels](const QString &label) {
            return !label.isEmpty()
                && labels[label.section(QLatin1Char('='), 0, 0)].toString() == label.section(QLatin1Char('='), 1);
        };
        for (int rank = 0; rank < int(std::size(kInstalls)); ++rank) {
            const Install &install = kInstalls[rank];
            if (*install.ns && ns != QLatin1String(install.ns))
                continue;
            if (!nameMatches(QLatin1String(install.name), name) && !labelMatches(QLatin1String(install.label)))
                continue;
            const QString port = pickPort(item[QLatin1String("spec")][QLatin1String("ports")].toArray(), install);
            if (!port.isEmpty())
                found.append({ QLatin1String(install.flavor), ns, name, port, install.https, rank });
            break;
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const PromCandidate &a, const PromCandidate &b) {
        return std::tie(a.rank, a.ns, a.service) < std::tie(b.rank, b.ns, b.service);
    });
    return found;
}

QList<PromCandidate> PromCandidates::wellKnown()
{
    // Where the installs put themselves by default; patterns need a release name, so only
    // the fixed names are guessed.
    return {
        { QStringLiteral("OpenShift thanos-querier"), QStringLiteral("openshift-monitoring"),
          QStringLiteral("thanos-querier"), QStringLiteral("9091"), true, 0 },
        { QStringLiteral("kube-prometheus"), QStringLiteral("monitoring"), QStringLiteral("prometheus-k8s"),
          QStringLiteral("9090"), false, 2 },
        { QStringLiteral("Prometheus Operator"), QStringLiteral("monitoring"), QStringLiteral("prometheus-operated"),
          QStringLiteral("9090"), false, 5 },
        { QStringLiteral("Prometheus Helm chart"), QStringLiteral("prometheus"), QStringLiteral("prometheus-server"),
          QStringLiteral("80"), false, 6 },
        { QStringLiteral("Prometheus Helm chart"), QStringLiteral("monitoring"), QStringLiteral("prometheus-server"),
          QStringLiteral("80"), false, 6 },
        { QStringLiteral("Lens metrics"), QStringLiteral("lens-metrics"), QStringLiteral("prometheus"),
          QStringLiteral("80"), false, 7 },
    };
}

} // namespace Specula::Prom
