// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/metriccatalogue.h"

#include "core/pciaddress.h"

#include <array>

namespace Specula::Prom {

namespace {

struct MetricInfo
{
    Metric metric;
    const char *name;
    const char *unit;
    const char *dcgmFamily; // nullptr for non-dcgm metrics
};

constexpr std::array<MetricInfo, 21> metricTable = { {
    { Metric::GpuUtil, "gpu_util", "%", "DCGM_FI_DEV_GPU_UTIL" },
    { Metric::GpuMemUsed, "gpu_mem_used", "MiB", "DCGM_FI_DEV_FB_USED" },
    { Metric::GpuMemFree, "gpu_mem_free", "MiB", "DCGM_FI_DEV_FB_FREE" },
    { Metric::GpuTemp, "gpu_temp", "°C", "DCGM_FI_DEV_GPU_TEMP" },
    { Metric::GpuPower, "gpu_power", "W", "DCGM_FI_DEV_POWER_USAGE" },
    { Metric::GpuSmClock, "gpu_sm_clock", "MHz", "DCGM_FI_DEV_SM_CLOCK" },
    { Metric::GpuMemCopyUtil, "gpu_mem_copy_util", "%", "DCGM_FI_DEV_MEM_COPY_UTIL" },
    { Metric::GpuTensorActive, "gpu_tensor_active", "%", "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE" },
    { Metric::GpuXidErrors, "gpu_xid_errors", "xid", "DCGM_FI_DEV_XID_ERRORS" },
    { Metric::GpuEnergy, "gpu_energy", "J", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION" },
    { Metric::PodCpu, "pod_cpu", "cores", nullptr },
    { Metric::PodMemory, "pod_memory", "bytes", nullptr },
    { Metric::PodNetRx, "pod_net_rx", "B/s", nullptr },
    { Metric::PodNetTx, "pod_net_tx", "B/s", nullptr },
    { Metric::PodPower, "pod_power", "W", nullptr },
    { Metric::PodEnergy, "pod_energy", "J", nullptr },
    { Metric::PodGpuRequests, "pod_gpu_requests", "count", nullptr },
    { Metric::NodePower, "node_power", "W", nullptr },
    { Metric::NodeEnergy, "node_energy", "J", nullptr },
    { Metric::VfRx, "vf_rx", "B/s", nullptr },
    { Metric::VfTx, "vf_tx", "B/s", nullptr },
} };

const MetricInfo &info(Metric metric)
{
    return metricTable[static_cast<size_t>(metric)];
}

// The MIG-instance source of GpuUtil: dcgm does not report DCGM_FI_DEV_GPU_UTIL per instance.
const QString grEngineActive = QStringLiteral("DCGM_FI_PROF_GR_ENGINE_ACTIVE");
const QString blankFilter = QStringLiteral(" < 1e14");

bool isGpuMetric(Metric metric)
{
    return info(metric).dcgmFamily != nullptr;
}

// label="v" for one value, label=~"a|b" for several.
QString matcher(const QString &label, const QStringList &values)
{
    if (values.size() == 1)
        return label + QLatin1Char('=') + MetricCatalogue::quoted(values.first());
    return label + QStringLiteral("=~") + MetricCatalogue::quoted(MetricCatalogue::alternation(values));
}

QString selector(const QString &family, const QStringList &matchers)
{
    if (matchers.isEmpty())
        return family;
    return family + QLatin1Char('{') + matchers.join(QLatin1Char(',')) + QLatin1Char('}');
}

QString label(const Labels &labels, const QString &name)
{
    return name.isEmpty() ? QString() : labels.value(name);
}

std::optional<int> intLabel(const Labels &labels, const QString &name)
{
    bool ok = false;
    const int value = labels.value(name).toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

} // namespace

MetricCatalogue::MetricCatalogue(Dialect dialect)
    : m_dialect(std::move(dialect))
{ }

void MetricCatalogue::setRateWindow(std::chrono::seconds window)
{
    // Below two scrape intervals rate() has too few samples to say anything.
    m_rateWindow = std::max(window, std::chrono::seconds(30));
}

QString MetricCatalogue::window() const
{
    const qint64 seconds = m_rateWindow.count();
    if (seconds % 3600 == 0)
        return QStringLiteral("[%1h]").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return QStringLiteral("[%1m]").arg(seconds / 60);
    return QStringLiteral("[%1s]").arg(seconds);
}

QList<Metric> MetricCatalogue::all()
{
    QList<Metric> metrics;
    for (const MetricInfo &entry : metricTable)
        metrics.append(entry.metric);
    return metrics;
}

QString MetricCatalogue::name(Metric metric)
{
    return QString::fromLatin1(info(metric).name);
}

std::optional<Metric> MetricCatalogue::fromName(const QString &name)
{
    for (const MetricInfo &entry : metricTable) {
        if (name == QLatin1String(entry.name))
            return entry.metric;
    }
    return std::nullopt;
}

QString MetricCatalogue::unit(Metric metric)
{
    return QString::fromUtf8(info(metric).unit);
}

bool MetricCatalogue::isBlank(double value)
{
    // INT64 blanks (9223372036854775792–795) all round to 2^63 as doubles; FP64 blanks start at
    // 2^47 ≈ 1.407e14. No real reading of the fields Specula shows comes near either: the energy
    // counter would need 3,000 years at 1 kW to reach 1e14 mJ.
    return value >= blankThreshold;
}

QString MetricCatalogue::quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString MetricCatalogue::alternation(const QStringList &values)
{
    // Only the metacharacters RE2 and QRegularExpression agree on; '-' needs no escape outside a
    // character class.
    static const QString special = QStringLiteral(".^$*+?()[]{}|\\");
    QStringList parts;
    for (const QString &value : values) {
        QString part;
        for (const QChar c : value) {
            if (special.contains(c))
                part += QLatin1Char('\\');
            part += c;
        }
        parts << part;
    }
    return parts.join(QLatin1Char('|'));
}

bool MetricCatalogue::supports(Metric metric) const
{
    const Dialect &d = m_dialect;
    if (isGpuMetric(metric)) {
        if (!d.dcgm)
            return false;
        if (metric == Metric::GpuUtil)
            return d.hasFamily(d.dcgmFamily(QString::fromLatin1(info(metric).dcgmFamily)))
                || d.hasFamily(d.dcgmFamily(grEngineActive));
        return d.hasFamily(d.dcgmFamily(QString::fromLatin1(info(metric).dcgmFamily)));
    }
    switch (metric) {
    case Metric::PodCpu:
        return d.cadvisor && d.hasFamily(QStringLiteral("container_cpu_usage_seconds_total"));
    case Metric::PodMemory:
        return d.cadvisor && d.hasFamily(QStringLiteral("container_memory_working_set_bytes"));
    case Metric::PodNetRx:
        return d.cadvisor && d.hasFamily(QStringLiteral("container_network_receive_bytes_total"));
    case Metric::PodNetTx:
        return d.cadvisor && d.hasFamily(QStringLiteral("container_network_transmit_bytes_total"));
    case Metric::PodGpuRequests:
        return d.kubeStateMetrics && d.hasFamily(QStringLiteral("kube_pod_container_resource_requests"));
    case Metric::PodPower:
    case Metric::PodEnergy:
    case Metric::NodePower:
    case Metric::NodeEnergy:
        switch (d.kepler) {
        case Dialect::Kepler::None:
            return false;
        case Dialect::Kepler::Legacy:
            return d.hasFamily(QStringLiteral("kepler_container_joules_total"));
        case Dialect::Kepler::Zoned:
        case Dialect::Kepler::ZonedGpu: {
            const bool node = metric == Metric::NodePower || metric == Metric::NodeEnergy;
            const bool power = metric == Metric::PodPower || metric == Metric::NodePower;
            return d.hasFamily(QStringLiteral("kepler_%1_cpu_%2")
                                   .arg(node ? QStringLiteral("node") : QStringLiteral("pod"),
                                        power ? QStringLiteral("watts") : QStringLiteral("joules_total")));
        }
        }
        return false;
    case Metric::VfRx:
        return d.sriovExporter && d.hasFamily(QStringLiteral("sriov_vf_rx_bytes"));
    case Metric::VfTx:
        return d.sriovExporter && d.hasFamily(QStringLiteral("sriov_vf_tx_bytes"));
    default:
        return false;
    }
}

std::optional<QString> MetricCatalogue::expr(Metric metric, const Scope &scope) const
{
    if (!supports(metric))
        return std::nullopt;
    if (isGpuMetric(metric))
        return gpuExpr(metric, scope);
    switch (metric) {
    case Metric::NodePower:
    case Metric::NodeEnergy:
        return nodeExpr(metric, scope);
    case Metric::VfRx:
    case Metric::VfTx:
        return vfExpr(metric, scope);
    default:
        return podExpr(metric, scope);
    }
}

QString MetricCatalogue::dcgmSelector(const QString &family, const Scope &scope, const QString &extra) const
{
    const Dialect &d = m_dialect;
    QStringList matchers;
    if (!extra.isEmpty())
        matchers << extra;
    if (!scope.ns.isEmpty())
        matchers << matcher(d.namespaceLabel, { scope.ns });
    if (!scope.pod.isEmpty())
        matchers << matcher(d.podLabel, { scope.pod });
    if (!scope.nodes.isEmpty() && d.dcgmNodeUsable())
        matchers << matcher(d.dcgmNodeLabel, scope.nodes);
    if (!scope.uuids.isEmpty())
        matchers << matcher(d.uuidLabel, scope.uuids);
    return selector(d.dcgmFamily(family), matchers);
}

std::optional<QString> MetricCatalogue::gpuExpr(Metric metric, const Scope &scope) const
{
    const Dialect &d = m_dialect;
    const QString family = QString::fromLatin1(info(metric).dcgmFamily);
    const QString plain = QLatin1Char('(') + dcgmSelector(family, scope) + blankFilter + QLatin1Char(')');
    switch (metric) {
    case Metric::GpuUtil: {
        // Whole GPUs report DCGM_FI_DEV_GPU_UTIL; MIG instances only the graphics engine's active
        // ratio. A GPU split into instances may still report a meaningless 0 for itself, so its
        // own series gives way to its instances'.
        const QString instance = QStringLiteral("GPU_I_ID!=\"\"");
        const QString mig = QStringLiteral("((") + dcgmSelector(grEngineActive, scope, instance) + blankFilter
            + QStringLiteral(") * 100)");
        const bool hasUtil = d.hasFamily(d.dcgmFamily(family));
        const bool hasMig = d.hasFamily(d.dcgmFamily(grEngineActive));
        if (!hasMig)
            return plain;
        if (!hasUtil)
            return mig;
        Scope gpus = scope; // the instances of the same GPUs, whoever holds them
        gpus.ns.clear();
        gpus.pod.clear();
        return QStringLiteral("(%1 unless on (%2) %3) or %4")
            .arg(plain, d.uuidLabel, dcgmSelector(grEngineActive, gpus, instance), mig);
    }
    case Metric::GpuTensorActive:
        return QLatin1Char('(') + plain + QStringLiteral(" * 100)");
    case Metric::GpuEnergy:
        return QLatin1Char('(') + plain + QStringLiteral(" / 1000)");
    default:
        return plain;
    }
}

std::optional<QString> MetricCatalogue::podExpr(Metric metric, const Scope &scope) const
{
    const Dialect &d = m_dialect;
    const QString w = window();
    auto scoped
        = [&scope](const QString &nsLabel, const QString &podLabel, const QString &nodeLabel, QStringList matchers) {
              if (!scope.ns.isEmpty())
                  matchers << matcher(nsLabel, { scope.ns });
              if (!scope.pod.isEmpty())
                  matchers << matcher(podLabel, { scope.pod });
              if (!scope.nodes.isEmpty() && !nodeLabel.isEmpty())
                  matchers << matcher(nodeLabel, scope.nodes);
              return matchers;
          };
    const QString ns = QStringLiteral("namespace");
    const QString pod = QStringLiteral("pod");
    const QString node = QStringLiteral("node");
    // Pod-level cgroup (container="") and pause-container ("POD") series repeat their containers.
    const QStringList containers = { QStringLiteral("container!=\"\""), QStringLiteral("container!=\"POD\"") };
    switch (metric) {
    case Metric::PodCpu:
        return QStringLiteral("sum by (namespace, pod, node) (rate(%1%2))")
            .arg(selector(QStringLiteral("container_cpu_usage_seconds_total"), scoped(ns, pod, node, containers)), w);
    case Metric::PodMemory:
        return QStringLiteral("sum by (namespace, pod, node) (%1)")
            .arg(selector(QStringLiteral("container_memory_working_set_bytes"), scoped(ns, pod, node, containers)));
    case Metric::PodNetRx:
    case Metric::PodNetTx: {
        // Every series of one pod and interface reads the same network namespace's counter, so
        // the largest is the answer and a sum would count it twice.
        const QString family = metric == Metric::PodNetRx ? QStringLiteral("container_network_receive_bytes_total")
                                                          : QStringLiteral("container_network_transmit_bytes_total");
        return QStringLiteral("max by (namespace, pod, node, interface) (rate(%1%2))")
            .arg(selector(family, scoped(ns, pod, node, {})), w);
    }
    case Metric::PodGpuRequests:
        return QStringLiteral("sum by (namespace, pod, node) (%1)")
            .arg(selector(QStringLiteral("kube_pod_container_resource_requests"),
                          scoped(ns, pod, node, { QStringLiteral("resource=~\"nvidia_com_.*\"") })));
    case Metric::PodPower:
    case Metric::PodEnergy: {
        const bool power = metric == Metric::PodPower;
        if (d.kepler == Dialect::Kepler::Legacy) {
            // kepler_container_joules_total is Kepler's own total over package, DRAM, GPU and the
            // rest, for both modes (dynamic and idle); summing the per-component counters instead
            // would count core and uncore twice (they are part of package).
            const QString total
                = selector(QStringLiteral("kepler_container_joules_total"),
                           scoped(QStringLiteral("container_namespace"), QStringLiteral("pod_name"), {}, {}));
            return power ? QStringLiteral("sum by (container_namespace, pod_name) (rate(%1%2))").arg(total, w)
                         : QStringLiteral("sum by (container_namespace, pod_name) (%1)").arg(total);
        }
        // Zones overlap (package contains core and uncore): take package alone, plus the GPUs.
        const QString suffix = power ? QStringLiteral("watts") : QStringLiteral("joules_total");
        const QStringList cpuMatchers = scoped(QStringLiteral("pod_namespace"), QStringLiteral("pod_name"),
                                               QStringLiteral("node_name"), { QStringLiteral("zone=\"package\"") });
        QString source = selector(QStringLiteral("kepler_pod_cpu_") + suffix, cpuMatchers);
        if (d.kepler == Dialect::Kepler::ZonedGpu && d.hasFamily(QStringLiteral("kepler_pod_gpu_") + suffix)) {
            // The GPU series have no zone label, so `or` keeps both sides whole.
            source += QStringLiteral(" or ")
                + selector(QStringLiteral("kepler_pod_gpu_") + suffix,
                           scoped(QStringLiteral("pod_namespace"), QStringLiteral("pod_name"),
                                  QStringLiteral("node_name"), {}));
        }
        return QStringLiteral("sum by (pod_namespace, pod_name, node_name) (%1)").arg(source);
    }
    default:
        return std::nullopt;
    }
}

std::optional<QString> MetricCatalogue::nodeExpr(Metric metric, const Scope &scope) const
{
    const Dialect &d = m_dialect;
    const bool power = metric == Metric::NodePower;
    if (d.kepler == Dialect::Kepler::Legacy) {
        // Old Kepler's node families carry an `instance` label of their own that scraping renames;
        // the sum of everything it attributes on the node (all containers, both modes, including
        // system_processes and kernel_processes) adds up with the pod figures by construction.
        const QString total = QStringLiteral("kepler_container_joules_total");
        return power ? QStringLiteral("sum by (instance) (rate(%1%2))").arg(total, window())
                     : QStringLiteral("sum by (instance) (%1)").arg(total);
    }
    const QString suffix = power ? QStringLiteral("watts") : QStringLiteral("joules_total");
    QStringList nodeMatchers;
    if (!scope.nodes.isEmpty())
        nodeMatchers << matcher(QStringLiteral("node_name"), scope.nodes);
    QString source = selector(QStringLiteral("kepler_node_cpu_") + suffix,
                              QStringList { QStringLiteral("zone=\"package\"") } + nodeMatchers);
    if (d.kepler == Dialect::Kepler::ZonedGpu && d.hasFamily(QStringLiteral("kepler_node_gpu_") + suffix))
        source += QStringLiteral(" or ") + selector(QStringLiteral("kepler_node_gpu_") + suffix, nodeMatchers);
    return QStringLiteral("sum by (node_name) (%1)").arg(source);
}

std::optional<QString> MetricCatalogue::vfExpr(Metric metric, const Scope &scope) const
{
    const Dialect &d = m_dialect;
    const QString family
        = metric == Metric::VfRx ? QStringLiteral("sriov_vf_rx_bytes") : QStringLiteral("sriov_vf_tx_bytes");
    const bool onePod = !scope.ns.isEmpty() || !scope.pod.isEmpty();
    QStringList vfMatchers;
    if (!scope.vfAddresses.isEmpty())
        vfMatchers << matcher(QStringLiteral("pciAddr"), scope.vfAddresses);
    if (!scope.hosts.isEmpty())
        vfMatchers << QStringLiteral("instance=~")
                + quoted(QStringLiteral("\\[?(%1)\\]?(:[0-9]+)?").arg(alternation(scope.hosts)));
    const QString rate = QStringLiteral("rate(%1%2)").arg(selector(family, vfMatchers), window());
    if (!d.sriovPodDevice)
        return onePod ? std::nullopt : std::optional<QString>(rate);
    QStringList podMatchers = vfMatchers;
    if (!scope.ns.isEmpty())
        podMatchers << matcher(d.sriovNamespaceLabel, { scope.ns });
    if (!scope.pod.isEmpty())
        podMatchers << matcher(d.sriovPodLabel, { scope.pod });
    // PCI addresses repeat across nodes: one exporter (instance) and one address name a VF.
    const QString joined = QStringLiteral("(%1 * on (instance, pciAddr) group_left (%2, %3) %4)")
                               .arg(rate, d.sriovPodLabel, d.sriovNamespaceLabel,
                                    selector(QStringLiteral("sriov_kubepoddevice"), podMatchers));
    if (onePod)
        return joined;
    // VFs that no pod holds still count.
    return QStringLiteral("%1 or on (instance, pciAddr) %2").arg(joined, rate);
}

QStringList MetricCatalogue::keyLabels(Metric metric) const
{
    if (!isGpuMetric(metric))
        return {};
    const Dialect &d = m_dialect;
    QStringList names { QStringLiteral("instance"),
                        d.uuidLabel,
                        QStringLiteral("gpu"),
                        QStringLiteral("pci_bus_id"),
                        QStringLiteral("modelName"),
                        QStringLiteral("GPU_I_PROFILE"),
                        QStringLiteral("GPU_I_ID"),
                        d.namespaceLabel,
                        d.podLabel,
                        d.containerLabel };
    if (d.dcgmNodeUsable())
        names.append(d.dcgmNodeLabel);
    names.removeAll(QString());
    names.removeDuplicates();
    return names;
}

QString MetricCatalogue::keyed(Metric metric, const QString &expr) const
{
    const QStringList names = keyLabels(metric);
    if (names.isEmpty())
        return expr;
    return QStringLiteral("max by (%1) (%2)").arg(names.join(QStringLiteral(", ")), expr);
}

MetricKey MetricCatalogue::keyOf(Metric metric, const Labels &labels) const
{
    const Dialect &d = m_dialect;
    MetricKey key;
    key.instance = labels.value(QStringLiteral("instance"));
    auto holder = [&](const QString &nsLabel, const QString &podLabel, const QString &containerLabel) {
        key.pod = label(labels, podLabel);
        if (key.pod.isEmpty())
            return; // "" sentinels of old exporters mean nobody
        key.ns = label(labels, nsLabel);
        key.container = label(labels, containerLabel);
    };
    if (isGpuMetric(metric)) {
        if (d.dcgmNodeUsable())
            key.node = labels.value(d.dcgmNodeLabel);
        key.uuid = labels.value(d.uuidLabel);
        key.gpuIndex = intLabel(labels, QStringLiteral("gpu"));
        const QString pci = labels.value(QStringLiteral("pci_bus_id"));
        key.pciBusId = pci.isEmpty() ? QString() : Core::normalizedPciAddress(pci);
        key.model = labels.value(QStringLiteral("modelName"));
        key.migProfile = labels.value(QStringLiteral("GPU_I_PROFILE"));
        key.migInstance = intLabel(labels, QStringLiteral("GPU_I_ID"));
        holder(d.namespaceLabel, d.podLabel, d.containerLabel);
        return key;
    }
    switch (metric) {
    case Metric::PodCpu:
    case Metric::PodMemory:
    case Metric::PodNetRx:
    case Metric::PodNetTx:
    case Metric::PodGpuRequests:
        key.node = labels.value(QStringLiteral("node"));
        key.interface = labels.value(QStringLiteral("interface"));
        holder(QStringLiteral("namespace"), QStringLiteral("pod"), QStringLiteral("container"));
        break;
    case Metric::PodPower:
    case Metric::PodEnergy:
        if (d.kepler == Dialect::Kepler::Legacy) {
            holder(QStringLiteral("container_namespace"), QStringLiteral("pod_name"), {});
        } else {
            key.node = labels.value(QStringLiteral("node_name"));
            holder(QStringLiteral("pod_namespace"), QStringLiteral("pod_name"), {});
        }
        break;
    case Metric::NodePower:
    case Metric::NodeEnergy:
        key.node = labels.value(QStringLiteral("node_name"));
        break;
    case Metric::VfRx:
    case Metric::VfTx: {
        const QString pci = labels.value(QStringLiteral("pciAddr"));
        key.pciAddress = pci.isEmpty() ? QString() : Core::normalizedPciAddress(pci);
        holder(d.sriovNamespaceLabel, d.sriovPodLabel, {});
        break;
    }
    default:
        break;
    }
    return key;
}

} // namespace Specula::Prom
