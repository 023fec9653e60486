// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/sriovmetrics.h"

#include "core/pciaddress.h"
#include "kube/networkstatus.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QtEndian>
#include <cmath>
#include <numbers>

namespace Specula::Sim {

namespace {

constexpr double kT0 = 1700000000.0;

quint64 hashOf(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5);
    return qFromBigEndian<quint64>(digest.constData());
}

struct Holder
{
    const PodDesc *pod = nullptr;
    QString container;
    QString resource;
};

// The container that asked for the VF: the one requesting an SR-IOV resource (name ends in the
// pool's resourceName when known), first come.
Holder holderOf(const PodDesc &pod, const QString &resourceName)
{
    Holder fallback;
    for (const ContainerDesc &c : pod.containers) {
        for (const StringMap &list : { c.requests, c.limits }) {
            for (auto it = list.begin(); it != list.end(); ++it) {
                if (!it.key().contains(u'/') || it.key().startsWith(u"nvidia.com/gpu") || it.key().contains(u"/mig-"))
                    continue;
                if (!resourceName.isEmpty() && it.key().section(u'/', 1) == resourceName)
                    return { &pod, c.name, it.key() };
                if (!fallback.pod)
                    fallback = { &pod, c.name, it.key() };
            }
        }
    }
    return fallback;
}

} // namespace

QStringList SriovMetrics::stats()
{
    return { QStringLiteral("rx_bytes"),   QStringLiteral("tx_bytes"),   QStringLiteral("rx_packets"),
             QStringLiteral("tx_packets"), QStringLiteral("rx_dropped"), QStringLiteral("tx_dropped") };
}

void SriovMetrics::addFamilies(MetricSet &set, const MetricContext &context)
{
    QList<SimFamily> statFamilies;
    QList<QStringList> statNodes;
    for (const QString &stat : stats()) {
        SimFamily family;
        family.name = QStringLiteral("sriov_vf_") + stat;
        family.type = QStringLiteral("counter");
        family.help = QStringLiteral("Statistic %1.").arg(stat);
        family.exporter = QStringLiteral("sriov");
        statFamilies.append(family);
        statNodes.append(QStringList());
    }
    SimFamily podDevice;
    podDevice.name = QStringLiteral("sriov_kubepoddevice");
    podDevice.type = QStringLiteral("counter");
    podDevice.help = QStringLiteral("kubepoddevice");
    podDevice.exporter = QStringLiteral("sriov");
    QStringList podDeviceNodes;

    // VF PCI address → the pod whose network-status names it, per node.
    QHash<QString, QMap<Core::PciAddress, const PodDesc *>> heldVfs;
    for (auto it = context.runningPods.begin(); it != context.runningPods.end(); ++it) {
        for (const PodDesc *pod : it.value()) {
            QString text = pod->annotations.value(QStringLiteral("k8s.v1.cni.cncf.io/network-status"));
            if (text.isEmpty())
                text = pod->annotations.value(QStringLiteral("k8s.v1.cni.cncf.io/networks-status"));
            if (text.isEmpty())
                continue;
            const auto entries = Kube::parseNetworkStatusJson(text.toUtf8(), pod->ns + u'/' + pod->name);
            if (!entries)
                continue;
            for (const auto &entry : *entries) {
                if (const auto address = Core::PciAddress::parse(entry.pciAddress))
                    heldVfs[it.key()].insert(*address, pod);
            }
        }
    }

    for (const QJsonObject &state : context.scenario->objects.value(QStringLiteral("sriovnetworknodestates"))) {
        const QString node = state.value(u"metadata").toObject().value(u"name").toString();
        const NodeDesc *desc = context.nodes.value(node);
        const QString ip = desc && !desc->internalIP.isEmpty() ? desc->internalIP : MetricContext::hostIp(node);
        const Prom::Labels target { { QStringLiteral("job"), QStringLiteral("sriov-network-metrics-exporter") },
                                    { QStringLiteral("instance"), ip + QStringLiteral(":9808") } };
        // resourceName by PF name and VF index, from the spec's vfGroups.
        QHash<QString, QList<std::pair<QString, QString>>> groups; // pf → (vfRange, resourceName)
        for (const auto &value : state.value(u"spec").toObject().value(u"interfaces").toArray()) {
            const QJsonObject spec = value.toObject();
            for (const auto &group : spec.value(u"vfGroups").toArray())
                groups[spec.value(u"name").toString()].append({ group.toObject().value(u"vfRange").toString(),
                                                                group.toObject().value(u"resourceName").toString() });
        }
        for (const auto &value : state.value(u"status").toObject().value(u"interfaces").toArray()) {
            const QJsonObject pf = value.toObject();
            const QString pfName = pf.value(u"name").toString();
            const auto pfAddress = Core::PciAddress::parse(pf.value(u"pciAddress").toString());
            // NUMA from the socket the bus hangs off; unknown (empty, as the exporter prints it)
            // where the PF address does not parse.
            const QString numa = pfAddress ? QString::number(pfAddress->bus >= 0x80 ? 1 : 0) : QString();
            for (const auto &vfValue : pf.value(u"Vfs").toArray()) {
                const QJsonObject vf = vfValue.toObject();
                const auto address = Core::PciAddress::parse(vf.value(u"pciAddress").toString());
                if (!address)
                    continue;
                const int vfId = vf.value(u"vfID").toInt();
                const QString pciAddr = address->toString();
                const PodDesc *pod = heldVfs.value(node).value(*address);
                Prom::Labels labels = target;
                labels.insert(QStringLiteral("pf"), pfName);
                labels.insert(QStringLiteral("vf"), QString::number(vfId));
                labels.insert(QStringLiteral("pciAddr"), pciAddr);
                if (!numa.isEmpty())
                    labels.insert(QStringLiteral("numa_node"), numa);
                const quint64 h = hashOf(node + u'/' + pciAddr);
                // Free VFs carry no traffic; held ones a few hundred Mbit/s that breathe.
                const double rate = pod ? 2e7 + double(h % 80000000) : 0.0;
                const double w = 2 * std::numbers::pi / double(240 + h % 1200);
                const double p = double((h >> 20) % 1000) / 1000.0 * 2 * std::numbers::pi;
                for (qsizetype s = 0; s < statFamilies.size(); ++s) {
                    const QString stat = stats()[s];
                    const double scale = (stat.startsWith(u"tx") ? 0.55 : 1.0)
                        * (stat.endsWith(u"packets")       ? 1.0 / 1100
                               : stat.endsWith(u"dropped") ? 1e-7
                                                           : 1.0);
                    Prom::Labels l = labels;
                    l.insert(QStringLiteral("__name__"), statFamilies[s].name);
                    statFamilies[s].series.append({ l, [rate, w, p, scale](qint64 t) {
                                                       if (t < kT0)
                                                           return std::optional<double>();
                                                       const double x = double(t);
                                                       const double bytes = rate * (x - kT0)
                                                           - 0.4 * rate / w
                                                               * (std::cos(w * x + p) - std::cos(w * kT0 + p));
                                                       return std::optional(std::floor(bytes * scale));
                                                   } });
                    statNodes[s].append(node);
                }
                if (!pod)
                    continue;
                QString resourceName;
                for (const auto &[range, name] : groups.value(pfName)) {
                    const QString first = range.section(u'-', 0, 0), last = range.section(u'-', -1);
                    if (vfId >= first.toInt() && vfId <= last.toInt())
                        resourceName = name;
                }
                const Holder holder = holderOf(*pod, resourceName);
                Prom::Labels l = target;
                l.insert(QStringLiteral("__name__"), podDevice.name);
                l.insert(QStringLiteral("pciAddr"), pciAddr);
                l.insert(QStringLiteral("dev_type"),
                         holder.resource.isEmpty() ? QStringLiteral("openshift.io/") + resourceName : holder.resource);
                l.insert(QStringLiteral("pod"), pod->name);
                l.insert(QStringLiteral("namespace"), pod->ns);
                if (!holder.container.isEmpty())
                    l.insert(QStringLiteral("container"), holder.container);
                podDevice.series.append({ l, [](qint64) { return std::optional(1.0); } });
                podDeviceNodes.append(node);
            }
        }
    }
    // The exporter's page: numa_node stays even when empty.
    const PageLabels base = MetricSet::clientGolangPage();
    const PageLabels vfPage = [base](const Prom::Labels &stored) {
        auto out = base(stored);
        if (!stored.contains(QStringLiteral("numa_node"))) {
            out.append({ QStringLiteral("numa_node"), QString() });
            std::sort(out.begin(), out.end());
        }
        return out;
    };
    for (qsizetype s = 0; s < statFamilies.size(); ++s)
        set.addFamily(std::move(statFamilies[s]), vfPage, std::move(statNodes[s]));
    set.addFamily(std::move(podDevice), base, std::move(podDeviceNodes));
}

} // namespace Specula::Sim
