// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/metricsconfigparser.h"

#include "core/duration.h"
#include "sim/openmetricswriter.h"

#include <QRegularExpression>
#include <QStringList>

namespace Specula::Sim {

std::optional<DcgmDialect::NodeLabel> dcgmNodeLabelFromName(const QString &name)
{
    using Node = DcgmDialect::NodeLabel;
    if (name == u"Hostname")
        return Node::Hostname;
    if (name == u"hostname")
        return Node::LowerHostname;
    if (name == u"node")
        return Node::Node;
    if (name == u"none")
        return Node::None;
    return std::nullopt;
}

std::optional<DcgmDialect::PodLabels> dcgmPodLabelsFromName(const QString &name)
{
    using Pods = DcgmDialect::PodLabels;
    if (name == u"pod")
        return Pods::Pod;
    if (name == u"exported_pod")
        return Pods::ExportedPod;
    if (name == u"pod_name")
        return Pods::PodName;
    return std::nullopt;
}

std::optional<KeplerGeneration> keplerGenerationFromName(const QString &name)
{
    if (name == u"none")
        return KeplerGeneration::None;
    if (name == u"legacy")
        return KeplerGeneration::Legacy;
    if (name == u"zoned")
        return KeplerGeneration::Zoned;
    if (name == u"zoned-gpu")
        return KeplerGeneration::ZonedGpu;
    static const QRegularExpression version(QStringLiteral("^v?0\\.(\\d+)(?:\\.(\\d+))?$"));
    const auto match = version.match(name);
    if (!match.hasMatch())
        return std::nullopt;
    const int minor = match.captured(1).toInt();
    const int patch = match.captured(2).toInt();
    if (minor <= 9)
        return KeplerGeneration::Legacy;
    if (minor == 10 || (minor == 11 && patch < 4))
        return KeplerGeneration::Zoned;
    return KeplerGeneration::ZonedGpu;
}

QString keplerGenerationName(KeplerGeneration generation)
{
    switch (generation) {
    case KeplerGeneration::None:
        return QStringLiteral("none");
    case KeplerGeneration::Legacy:
        return QStringLiteral("0.9");
    case KeplerGeneration::Zoned:
        return QStringLiteral("0.10");
    case KeplerGeneration::ZonedGpu:
        return QStringLiteral("0.11.4");
    }
    return {};
}

std::optional<std::optional<PrometheusService>> prometheusFromSpec(const QString &spec)
{
    if (spec == u"none")
        return std::optional<PrometheusService>();
    static const QRegularExpression pattern(QStringLiteral(
        "^(https?://)?([a-z0-9]([-a-z0-9]*[a-z0-9])?)/([a-z0-9]([-a-z0-9]*[a-z0-9])?)(?::(\\d{1,5}))?$"));
    const auto match = pattern.match(spec);
    if (!match.hasMatch())
        return std::nullopt;
    PrometheusService service;
    service.https = match.captured(1) == u"https://";
    service.ns = match.captured(2);
    service.name = match.captured(4);
    if (!match.captured(6).isEmpty()) {
        service.port = match.captured(6).toInt();
        if (service.port < 1 || service.port > 65535)
            return std::nullopt;
    }
    return std::optional(service);
}

Core::Result<MetricsConfig> parseMetricsDialect(const QString &spec, MetricsConfig base)
{
    auto fail = [](const QString &item, const QString &message) {
        Core::Error error;
        error.kind = Core::Error::Kind::Config;
        error.where = QStringLiteral("metrics dialect");
        error.message = QStringLiteral("\"%1\": %2").arg(item, message);
        return error;
    };
    for (const QString &raw : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString item = raw.trimmed();
        const qsizetype eq = item.indexOf(u'=');
        const QString key = eq < 0 ? item : item.left(eq);
        const QString value = eq < 0 ? QString() : item.mid(eq + 1);
        auto flag = [&](bool &target) -> bool {
            if (eq < 0 || value == u"true") {
                target = true;
                return true;
            }
            if (value == u"false") {
                target = false;
                return true;
            }
            return false;
        };
        if (key == u"dcgm-node") {
            const auto v = dcgmNodeLabelFromName(value);
            if (!v)
                return fail(item, QStringLiteral("expected dcgm-node=Hostname|hostname|node|none"));
            base.dcgm.nodeLabel = *v;
        } else if (key == u"dcgm-pod") {
            const auto v = dcgmPodLabelsFromName(value);
            if (!v)
                return fail(item, QStringLiteral("expected dcgm-pod=pod|exported_pod|pod_name"));
            base.dcgm.podLabels = *v;
        } else if (key == u"dcgm-uuid") {
            if (value != u"UUID" && value != u"uuid")
                return fail(item, QStringLiteral("expected dcgm-uuid=UUID|uuid"));
            base.dcgm.lowerCaseUuid = value == u"uuid";
        } else if (key == u"hostname-is-pod") {
            if (!flag(base.dcgm.hostnameIsPod))
                return fail(item, QStringLiteral("expected hostname-is-pod[=true|false]"));
        } else if (key == u"blank-sentinels") {
            if (!flag(base.dcgm.blankSentinels))
                return fail(item, QStringLiteral("expected blank-sentinels[=true|false]"));
        } else if (key == u"empty-pod-labels") {
            if (!flag(base.dcgm.emptyPodLabels))
                return fail(item, QStringLiteral("expected empty-pod-labels[=true|false]"));
        } else if (key == u"kepler") {
            const auto v = keplerGenerationFromName(value);
            if (!v)
                return fail(item,
                            QStringLiteral("expected kepler=none, a version such as 0.9, 0.10 or 0.11.4, "
                                           "or legacy|zoned|zoned-gpu"));
            base.kepler = *v;
        } else if (key == u"cadvisor") {
            if (!flag(base.cadvisor))
                return fail(item, QStringLiteral("expected cadvisor[=true|false]"));
        } else if (key == u"kube-state-metrics") {
            if (!flag(base.kubeStateMetrics))
                return fail(item, QStringLiteral("expected kube-state-metrics[=true|false]"));
        } else if (key == u"sriov-exporter") {
            if (!flag(base.sriovExporter))
                return fail(item, QStringLiteral("expected sriov-exporter[=true|false]"));
        } else if (key == u"prometheus") {
            const auto v = prometheusFromSpec(value);
            if (!v)
                return fail(item, QStringLiteral("expected prometheus=none or [https://]namespace/service[:port]"));
            base.prometheus = *v;
        } else if (key == u"scrape-interval") {
            const auto v = Core::parseDurationSeconds(value);
            if (!v || *v > 3600)
                return fail(item, QStringLiteral("expected scrape-interval=DURATION between 1s and 1h, such as 30s"));
            base.scrapeIntervalSeconds = int(*v);
        } else {
            return fail(item,
                        QStringLiteral("unknown item (known: dcgm-node, dcgm-pod, dcgm-uuid, hostname-is-pod, "
                                       "blank-sentinels, empty-pod-labels, kepler, cadvisor, kube-state-metrics, "
                                       "sriov-exporter, prometheus, scrape-interval)"));
        }
    }
    return base;
}

} // namespace Specula::Sim
