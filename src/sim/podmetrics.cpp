// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/podmetrics.h"

#include "core/quantity.h"
#include "kube/networkstatus.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QtEndian>
#include <cmath>
#include <numbers>

namespace Specula::Sim {

namespace {

constexpr double kT0 = 1700000000.0; // counters count from here
constexpr double kTwoPi = 2 * std::numbers::pi;

using ValueFunction = std::function<std::optional<double>(qint64)>;

quint64 hashOf(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5);
    return qFromBigEndian<quint64>(digest.constData());
}

// c + a·sin(w·t + p), with its exact integral from kT0.
struct Wave
{
    double c = 0, a = 0, w = 1, p = 0;

    static Wave from(quint64 h, double c, double a)
    {
        return { c, a, kTwoPi / double(300 + h % 3300), double((h >> 24) % 1000) / 1000.0 * kTwoPi };
    }
    double at(double t) const { return c + a * std::sin(w * t + p); }
    double integral(double t) const { return c * (t - kT0) - a / w * (std::cos(w * t + p) - std::cos(w * kT0 + p)); }
};

double quantity(const StringMap &list, const QString &key, double fallback)
{
    const auto q = Core::Quantity::parse(list.value(key));
    return q ? double(q->milli()) / 1000.0 : fallback;
}

struct FamilyBuilder
{
    SimFamily family;
    QStringList nodes;

    FamilyBuilder(const QString &name, const QString &type, const QString &help, const QString &exporter)
    {
        family.name = name;
        family.type = type;
        family.help = help;
        family.exporter = exporter;
    }
    void add(Prom::Labels labels, ValueFunction value, const QString &node)
    {
        labels.insert(QStringLiteral("__name__"), family.name);
        for (auto it = labels.begin(); it != labels.end();)
            it = it.value().isEmpty() ? labels.erase(it) : std::next(it); // no empty labels after a scrape
        family.series.append({ std::move(labels), std::move(value) });
        nodes.append(node);
    }
};

QList<const ContainerDesc *> runningContainers(const PodDesc &pod)
{
    QList<const ContainerDesc *> out;
    for (const auto &c : pod.initContainers) {
        if (c.sidecar)
            out.append(&c);
    }
    for (const auto &c : pod.containers)
        out.append(&c);
    return out;
}

} // namespace

QStringList PodMetrics::interfaces(const PodDesc &pod)
{
    QStringList out { QStringLiteral("eth0") };
    QString text = pod.annotations.value(QStringLiteral("k8s.v1.cni.cncf.io/network-status"));
    if (text.isEmpty())
        text = pod.annotations.value(QStringLiteral("k8s.v1.cni.cncf.io/networks-status"));
    if (text.isEmpty())
        return out;
    const auto entries = Kube::parseNetworkStatusJson(text.toUtf8(), pod.ns + u'/' + pod.name);
    if (!entries)
        return out;
    for (const auto &entry : *entries) {
        if (!entry.isDefault && !entry.interfaceName.isEmpty() && !out.contains(entry.interfaceName))
            out.append(entry.interfaceName);
    }
    return out;
}

std::pair<QString, QString> PodMetrics::ksmResource(const QString &resource)
{
    if (resource == u"cpu")
        return { resource, QStringLiteral("core") };
    if (resource == u"memory" || resource == u"ephemeral-storage" || resource.startsWith(u"hugepages-"))
        return { QString(resource).replace(u'-', u'_'), QStringLiteral("byte") };
    static const QRegularExpression invalid(QStringLiteral("[^a-zA-Z0-9_]"));
    return { QString(resource).replace(invalid, QStringLiteral("_")), QStringLiteral("integer") };
}

void PodMetrics::addCadvisorFamilies(MetricSet &set, const MetricContext &context)
{
    const QString exporter = QStringLiteral("cadvisor");
    FamilyBuilder cpu(QStringLiteral("container_cpu_usage_seconds_total"), QStringLiteral("counter"),
                      QStringLiteral("Cumulative cpu time consumed in seconds."), exporter);
    FamilyBuilder memory(QStringLiteral("container_memory_working_set_bytes"), QStringLiteral("gauge"),
                         QStringLiteral("Current working set in bytes."), exporter);
    FamilyBuilder rx(QStringLiteral("container_network_receive_bytes_total"), QStringLiteral("counter"),
                     QStringLiteral("Cumulative count of bytes received"), exporter);
    FamilyBuilder tx(QStringLiteral("container_network_transmit_bytes_total"), QStringLiteral("counter"),
                     QStringLiteral("Cumulative count of bytes transmitted"), exporter);
    for (const NodeDesc &node : context.scenario->nodes) {
        // kube-prometheus' kubelet ServiceMonitor: job kubelet, the node's address, and `node`.
        const QString ip = node.internalIP.isEmpty() ? MetricContext::hostIp(node.name) : node.internalIP;
        const Prom::Labels target { { QStringLiteral("job"), QStringLiteral("kubelet") },
                                    { QStringLiteral("instance"), ip + QStringLiteral(":10250") },
                                    { QStringLiteral("node"), node.name },
                                    { QStringLiteral("metrics_path"), QStringLiteral("/metrics/cadvisor") },
                                    { QStringLiteral("service"), QStringLiteral("kubelet") },
                                    { QStringLiteral("endpoint"), QStringLiteral("https-metrics") } };
        for (const PodDesc *pod : context.runningPods.value(node.name)) {
            const QString uid = context.podUid(*pod);
            const QString cgroup = QStringLiteral("/kubepods/burstable/pod") + uid;
            for (const ContainerDesc *c : runningContainers(*pod)) {
                const QString id = MetricContext::containerId(uid, c->name);
                Prom::Labels labels = target;
                labels.insert(QStringLiteral("container"), c->name);
                labels.insert(QStringLiteral("id"), cgroup + u'/' + id);
                labels.insert(QStringLiteral("image"), c->image);
                labels.insert(QStringLiteral("name"), id);
                labels.insert(QStringLiteral("namespace"), pod->ns);
                labels.insert(QStringLiteral("pod"), pod->name);
                const quint64 h = hashOf(pod->ns + u'/' + pod->name + u'/' + c->name);
                const double cores = quantity(c->requests, QStringLiteral("cpu"), 0.1);
                const Wave usage = Wave::from(h, cores * 0.45, cores * 0.25);
                cpu.add(
                    labels,
                    [usage](qint64 t) { return t < kT0 ? std::nullopt : std::optional(usage.integral(double(t))); },
                    node.name);
                const double bytes = quantity(c->requests, QStringLiteral("memory"), 128.0 * 1024 * 1024);
                const Wave working = Wave::from(h >> 7, bytes * 0.6, bytes * 0.15);
                memory.add(
                    labels,
                    [working](qint64 t) { return std::optional(std::round(working.at(double(t)) / 4096) * 4096); },
                    node.name);
            }
            // Network counters belong to the pod's sandbox: no container label.
            for (const QString &interface : interfaces(*pod)) {
                Prom::Labels labels = target;
                labels.insert(QStringLiteral("id"), cgroup);
                labels.insert(QStringLiteral("interface"), interface);
                labels.insert(QStringLiteral("namespace"), pod->ns);
                labels.insert(QStringLiteral("pod"), pod->name);
                const quint64 h = hashOf(pod->ns + u'/' + pod->name + u'/' + interface);
                const double rate = interface == u"eth0" ? 2e4 + double(h % 200000) : 5e6 + double(h % 50000000);
                const Wave in = Wave::from(h, rate, rate * 0.5);
                const Wave out = Wave::from(h >> 9, rate * 0.6, rate * 0.3);
                rx.add(
                    labels,
                    [in](qint64 t) {
                        return t < kT0 ? std::nullopt : std::optional(std::floor(in.integral(double(t))));
                    },
                    node.name);
                tx.add(
                    labels,
                    [out](qint64 t) {
                        return t < kT0 ? std::nullopt : std::optional(std::floor(out.integral(double(t))));
                    },
                    node.name);
            }
        }
    }
    const PageLabels page = MetricSet::clientGolangPage({ QStringLiteral("node"), QStringLiteral("metrics_path"),
                                                          QStringLiteral("service"), QStringLiteral("endpoint") });
    for (FamilyBuilder *b : { &cpu, &memory, &rx, &tx })
        set.addFamily(std::move(b->family), page, std::move(b->nodes));
}

void PodMetrics::addKubeStateFamilies(MetricSet &set, const MetricContext &context)
{
    const QString exporter = QStringLiteral("kube-state-metrics");
    FamilyBuilder podInfo(QStringLiteral("kube_pod_info"), QStringLiteral("gauge"),
                          QStringLiteral("[STABLE] Information about pod."), exporter);
    FamilyBuilder requests(QStringLiteral("kube_pod_container_resource_requests"), QStringLiteral("gauge"),
                           QStringLiteral("The number of requested request resource by a container. It is recommended "
                                          "to use the kube_pod_resource_requests metric exposed by kube-scheduler "
                                          "instead, as it is more precise."),
                           exporter);
    FamilyBuilder nodeInfo(QStringLiteral("kube_node_info"), QStringLiteral("gauge"),
                           QStringLiteral("[STABLE] Information about a cluster node."), exporter);
    // kube-prometheus scrapes kube-state-metrics with honorLabels, so its namespace/pod stay as they are.
    const Prom::Labels target { { QStringLiteral("job"), QStringLiteral("kube-state-metrics") },
                                { QStringLiteral("instance"), QStringLiteral("10.244.0.17:8443") } };
    const ValueFunction one = [](qint64) { return std::optional(1.0); };
    for (const NodeDesc &node : context.scenario->nodes) {
        Prom::Labels labels = target;
        labels.insert(QStringLiteral("node"), node.name);
        labels.insert(QStringLiteral("container_runtime_version"), node.containerRuntime);
        labels.insert(QStringLiteral("kernel_version"), node.kernelVersion);
        labels.insert(QStringLiteral("kubelet_version"), node.kubeletVersion);
        labels.insert(QStringLiteral("kubeproxy_version"), QStringLiteral("deprecated"));
        labels.insert(QStringLiteral("os_image"), node.osImage);
        labels.insert(QStringLiteral("internal_ip"), node.internalIP);
        labels.insert(QStringLiteral("system_uuid"), QString::number(hashOf(node.name), 16));
        nodeInfo.add(labels, one, node.name);
    }
    for (const PodDesc &pod : context.scenario->pods) {
        const QString uid = context.podUid(pod);
        const bool bound = !pod.node.isEmpty();
        Prom::Labels labels = target;
        labels.insert(QStringLiteral("namespace"), pod.ns);
        labels.insert(QStringLiteral("pod"), pod.name);
        labels.insert(QStringLiteral("uid"), uid);
        labels.insert(QStringLiteral("node"), pod.node);
        labels.insert(QStringLiteral("host_ip"), bound ? MetricContext::hostIp(pod.node) : QString());
        labels.insert(QStringLiteral("pod_ip"),
                      bound && pod.phase != u"Failed" ? MetricContext::podIp(pod) : QString());
        labels.insert(QStringLiteral("created_by_kind"), pod.ownerKind.isEmpty() ? u"<none>"_qs : pod.ownerKind);
        labels.insert(QStringLiteral("created_by_name"), pod.ownerName.isEmpty() ? u"<none>"_qs : pod.ownerName);
        labels.insert(QStringLiteral("host_network"), QStringLiteral("false"));
        podInfo.add(labels, one, pod.node);
        if (pod.phase == u"Succeeded" || pod.phase == u"Failed")
            continue; // ksm leaves out requests of terminated pods' containers
        for (const ContainerDesc &c : pod.containers) {
            StringMap effective = c.limits; // a limit without a request is the request
            for (auto it = c.requests.begin(); it != c.requests.end(); ++it)
                effective.insert(it.key(), it.value());
            for (auto it = effective.begin(); it != effective.end(); ++it) {
                const auto q = Core::Quantity::parse(it.value());
                if (!q)
                    continue;
                const auto [resource, unit] = ksmResource(it.key());
                Prom::Labels r = target;
                r.insert(QStringLiteral("namespace"), pod.ns);
                r.insert(QStringLiteral("pod"), pod.name);
                r.insert(QStringLiteral("uid"), uid);
                r.insert(QStringLiteral("container"), c.name);
                r.insert(QStringLiteral("node"), pod.node);
                r.insert(QStringLiteral("resource"), resource);
                r.insert(QStringLiteral("unit"), unit);
                const double value = double(q->milli()) / 1000.0;
                requests.add(
                    r, [value](qint64) { return std::optional(value); }, pod.node);
            }
        }
    }
    const PageLabels page = MetricSet::clientGolangPage();
    for (FamilyBuilder *b : { &podInfo, &requests, &nodeInfo })
        set.addFamily(std::move(b->family), page, std::move(b->nodes));
}

} // namespace Specula::Sim
