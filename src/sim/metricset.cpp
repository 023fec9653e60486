// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/metricset.h"

#include "sim/dcgmmetrics.h"
#include "sim/gpufleet.h"
#include "sim/keplermetrics.h"
#include "sim/objectrenderer.h"
#include "sim/openmetricswriter.h"
#include "sim/podmetrics.h"
#include "sim/sriovmetrics.h"

#include <QCryptographicHash>
#include <cmath>

namespace Specula::Sim {

namespace {

const QString kName = QStringLiteral("__name__");
const QString kJob = QStringLiteral("job");
const QString kInstance = QStringLiteral("instance");

QString dcgmHelp(DcgmMetrics::Field field)
{
    using F = DcgmMetrics::Field;
    switch (field) {
    case F::GpuUtil:
        return QStringLiteral("GPU utilization (in %).");
    case F::FbUsed:
        return QStringLiteral("Framebuffer memory used (in MiB).");
    case F::FbFree:
        return QStringLiteral("Framebuffer memory free (in MiB).");
    case F::GpuTemp:
        return QStringLiteral("GPU temperature (in C).");
    case F::PowerUsage:
        return QStringLiteral("Power draw (in W).");
    case F::SmClock:
        return QStringLiteral("SM clock frequency (in MHz).");
    case F::MemCopyUtil:
        return QStringLiteral("Memory utilization (in %).");
    case F::GrEngineActive:
        return QStringLiteral("Ratio of time the graphics engine is active.");
    case F::TensorActive:
        return QStringLiteral("Ratio of cycles the tensor (HMMA) pipe is active.");
    case F::TotalEnergy:
        return QStringLiteral("Total energy consumption since boot (in mJ).");
    case F::XidErrors:
        return QStringLiteral("Value of the last XID error encountered.");
    }
    return {};
}

QByteArray escapeLabel(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray escapeHelp(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('\n', "\\n");
    return out;
}

// Go's strconv.FormatFloat(v, 'g', -1, 64), which client_golang uses for every sample value.
QByteArray goFloat(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    if (v == 0)
        return "0";
    QByteArray e = QByteArray::number(v, 'e', QLocale::FloatingPointShortest); // 1.234567e+06
    const qsizetype at = e.indexOf('e');
    const int exponent = e.mid(at + 1).toInt();
    if (exponent < -4 || exponent >= 6) // Go switches to %e from 1e6 on in its shortest form
        return e;
    return QByteArray::number(v, 'f', QLocale::FloatingPointShortest);
}

// dcgm-exporter prints integers as integers, other values with six decimals, and its INT64 blanks
// digit for digit (a double cannot hold 9223372036854775794).
QByteArray dcgmFloat(double v)
{
    if (v == DcgmMetrics::kInt64NotSupported)
        return "9223372036854775794";
    return OpenMetricsWriter::formatValue(v);
}

QString shortHash(const QString &text, int length)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1);
    QString out;
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(alphabet[uchar(digest[i]) % (sizeof(alphabet) - 1)]);
    return out;
}

// The dcgm series: one per device and holder (a time-sliced GPU shows once per pod), in the
// dialect of the scenario.
void addDcgm(MetricSet &set, const MetricContext &context)
{
    const DcgmDialect dialect = context.config.dcgm;
    const bool exported = dialect.podLabels == DcgmDialect::PodLabels::ExportedPod;
    const QString operatorNs = QStringLiteral("gpu-operator");
    const QString exporterContainer = QStringLiteral("nvidia-dcgm-exporter");
    const auto fleet = context.fleet;
    const auto &devices = fleet->devices();
    // The labels of each (device, holder) once; each field adds only its name.
    struct Source
    {
        qsizetype device;
        Prom::Labels labels;
    };
    QList<Source> sources;
    for (qsizetype d = 0; d < devices.size(); ++d) {
        const GpuDevice &device = devices[d];
        const PodDesc *exporterPod = context.dcgmExporters.value(device.node);
        const QString podName
            = exporterPod ? exporterPod->name : QStringLiteral("nvidia-dcgm-exporter-") + shortHash(device.node, 5);
        // Without an exporter pod on the node, Prometheus scraped the exporters through their
        // Service (dcgm-exporter#277): every node then has the same instance.
        const QString instance = exporterPod ? MetricContext::podIp(*exporterPod) + QStringLiteral(":9400")
                                             : QStringLiteral("nvidia-dcgm-exporter.gpu-operator:9400");
        QList<const GpuHolder *> holders;
        for (const auto &holder : device.holders)
            holders.append(&holder);
        if (holders.isEmpty())
            holders.append(nullptr);
        for (const GpuHolder *holder : std::as_const(holders)) {
            Prom::Labels labels;
            labels.insert(kJob, MetricSet::dcgmExporterJob());
            labels.insert(kInstance, instance);
            for (const auto &[key, value] : DcgmMetrics::labels(device, holder, dialect, podName)) {
                if (value.isEmpty())
                    continue; // Prometheus keeps no empty labels
                const bool podLabel = key == u"pod" || key == u"namespace" || key == u"container";
                labels.insert(exported && podLabel ? QStringLiteral("exported_") + key : key, value);
            }
            if (exported) {
                labels.insert(QStringLiteral("pod"), podName);
                labels.insert(QStringLiteral("namespace"), operatorNs);
                labels.insert(QStringLiteral("container"), exporterContainer);
            }
            sources.append({ d, std::move(labels) });
        }
    }
    for (const auto field : DcgmMetrics::fields()) {
        SimFamily family;
        family.name = DcgmMetrics::name(field);
        family.type = DcgmMetrics::isCounter(field) ? QStringLiteral("counter") : QStringLiteral("gauge");
        family.help = dcgmHelp(field);
        family.exporter = QStringLiteral("dcgm");
        QStringList nodes;
        family.series.reserve(sources.size());
        nodes.reserve(sources.size());
        for (const Source &source : std::as_const(sources)) {
            const GpuDevice &device = devices[source.device];
            const auto blank = dialect.blankSentinels ? DcgmMetrics::blankValue(field, device) : std::nullopt;
            if (!DcgmMetrics::has(field, device) && !blank)
                continue;
            SimSeries series;
            series.labels = source.labels;
            series.labels.insert(kName, family.name);
            if (blank) {
                const double v = *blank;
                series.value = [v](qint64) { return std::optional(v); };
            } else {
                series.value = [fleet, d = source.device, field](qint64 t) {
                    return DcgmMetrics::value(field, fleet->seed(), fleet->devices()[d], t);
                };
            }
            family.series.append(std::move(series));
            nodes.append(device.node);
        }
        // The page shows the exporter's own labels in its order, empty pod labels included.
        PageLabels page = [dialect, exported](const Prom::Labels &stored) {
            static const QStringList order = {
                QStringLiteral("gpu"),           QStringLiteral("UUID"),     QStringLiteral("uuid"),
                QStringLiteral("pci_bus_id"),    QStringLiteral("device"),   QStringLiteral("modelName"),
                QStringLiteral("GPU_I_PROFILE"), QStringLiteral("GPU_I_ID"), QStringLiteral("Hostname"),
                QStringLiteral("hostname"),      QStringLiteral("node"),     QStringLiteral("DCGM_FI_DRIVER_VERSION")
            };
            QList<std::pair<QString, QString>> out;
            for (const QString &key : order) {
                if (stored.contains(key))
                    out.append({ key, stored.value(key) });
            }
            const bool old = dialect.podLabels == DcgmDialect::PodLabels::PodName;
            const QStringList podKeys = old
                ? QStringList { QStringLiteral("container_name"), QStringLiteral("pod_namespace"),
                                QStringLiteral("pod_name") }
                : QStringList { QStringLiteral("container"), QStringLiteral("namespace"), QStringLiteral("pod") };
            const QString prefix = exported ? QStringLiteral("exported_") : QString();
            bool any = false;
            for (const QString &key : podKeys)
                any = any || stored.contains(prefix + key);
            if (any || dialect.emptyPodLabels) {
                for (const QString &key : podKeys)
                    out.append({ key, stored.value(prefix + key) });
            }
            return out;
        };
        set.addFamily(std::move(family), std::move(page), std::move(nodes));
    }
}

} // namespace

QString MetricContext::podIp(const PodDesc &pod)
{
    return pod.podIP.isEmpty()
        ? QStringLiteral("10.244.%1.%2").arg(qHash(pod.node) % 250).arg(qHash(pod.name) % 250 + 2)
        : pod.podIP;
}

QString MetricContext::hostIp(const QString &node)
{
    return QStringLiteral("10.0.0.%1").arg(qHash(node) % 250 + 2);
}

QString MetricContext::podUid(const PodDesc &pod) const
{
    return ObjectRenderer(scenario->seed, {}).uid(QStringLiteral("Pod"), pod.ns, pod.name);
}

QString MetricContext::containerId(const QString &podUid, const QString &container)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((podUid + container).toUtf8(), QCryptographicHash::Sha256).toHex());
}

MetricSet MetricSet::build(const Scenario &scenario)
{
    MetricSet set;
    set.m_config = scenario.metrics;
    MetricContext context;
    context.scenario = &scenario;
    context.config = scenario.metrics;
    context.fleet = std::make_shared<const GpuFleet>(GpuFleet::build(scenario));
    for (const auto &node : scenario.nodes)
        context.nodes.insert(node.name, &node);
    for (const auto &pod : scenario.pods) {
        if (pod.node.isEmpty() || pod.phase != u"Running")
            continue;
        context.runningPods[pod.node].append(&pod);
        if (pod.ns == u"gpu-operator" && pod.ownerKind == u"DaemonSet" && pod.ownerName.contains(u"dcgm-exporter"))
            context.dcgmExporters.insert(pod.node, &pod);
    }
    addDcgm(set, context);
    if (context.config.kepler != KeplerGeneration::None)
        KeplerMetrics::addFamilies(set, context);
    if (context.config.cadvisor)
        PodMetrics::addCadvisorFamilies(set, context);
    if (context.config.kubeStateMetrics)
        PodMetrics::addKubeStateFamilies(set, context);
    if (context.config.sriovExporter)
        SriovMetrics::addFamilies(set, context);
    return set;
}

void MetricSet::addFamily(SimFamily family, PageLabels page, QStringList nodes)
{
    m_index.insert(family.name, m_families.size());
    m_families.append(std::move(family));
    m_pages.append(std::move(page));
    m_nodes.append(std::move(nodes));
}

const SimFamily *MetricSet::family(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_families[*it];
}

QStringList MetricSet::exporters()
{
    return { QStringLiteral("dcgm"), QStringLiteral("kepler"), QStringLiteral("cadvisor"),
             QStringLiteral("kube-state-metrics"), QStringLiteral("sriov") };
}

QByteArray MetricSet::exposition(const QString &exporter, qint64 t, const QString &node) const
{
    QByteArray out;
    const bool dcgm = exporter == u"dcgm";
    for (qsizetype f = 0; f < m_families.size(); ++f) {
        const SimFamily &family = m_families[f];
        if (family.exporter != exporter)
            continue;
        QByteArray lines;
        for (qsizetype s = 0; s < family.series.size(); ++s) {
            if (!node.isEmpty() && m_nodes[f].value(s) != node)
                continue;
            const auto value = family.series[s].value(t);
            if (!value)
                continue;
            lines += family.name.toLatin1();
            const auto labels = m_pages[f](family.series[s].labels);
            if (!labels.isEmpty()) {
                lines += '{';
                for (qsizetype i = 0; i < labels.size(); ++i) {
                    if (i > 0)
                        lines += ',';
                    lines += labels[i].first.toLatin1() + "=\"" + escapeLabel(labels[i].second) + '"';
                }
                lines += '}';
            }
            lines += ' ' + (dcgm ? dcgmFloat(*value) : goFloat(*value)) + '\n';
        }
        // client_golang leaves out families without samples; dcgm prints HELP/TYPE for every field.
        if (lines.isEmpty() && !dcgm)
            continue;
        out += "# HELP " + family.name.toLatin1() + ' ' + escapeHelp(family.help) + '\n';
        out += "# TYPE " + family.name.toLatin1() + ' ' + family.type.toLatin1() + '\n';
        out += lines;
    }
    return out;
}

PageLabels MetricSet::clientGolangPage(const QStringList &targetLabels)
{
    return [targetLabels](const Prom::Labels &stored) {
        QMap<QString, QString> page;
        for (auto it = stored.begin(); it != stored.end(); ++it) {
            if (it.key() == kName || it.key() == kJob || it.key() == kInstance || targetLabels.contains(it.key()))
                continue;
            page.insert(it.key().startsWith(u"exported_") ? it.key().mid(9) : it.key(), it.value());
        }
        QList<std::pair<QString, QString>> out;
        out.reserve(page.size());
        for (auto it = page.begin(); it != page.end(); ++it)
            out.append({ it.key(), it.value() });
        return out;
    };
}

QByteArray MetricSet::formatGoFloat(double value)
{
    return goFloat(value);
}

} // namespace Specula::Sim
