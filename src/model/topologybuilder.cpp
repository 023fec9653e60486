// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/topologybuilder.h"

#include "model/resourcetext.h"

namespace Specula::Model {
namespace {

const QString kSeparator = QStringLiteral(" · ");

QString joined(std::initializer_list<QString> parts)
{
    QString text;
    for (const auto &part : parts) {
        if (part.isEmpty())
            continue;
        if (!text.isEmpty())
            text += kSeparator;
        text += part;
    }
    return text;
}

// Zero-padded so that text sorting matches number order.
QString padded(qint64 value)
{
    return QStringLiteral("%1").arg(value, 8, 10, QLatin1Char('0'));
}

} // namespace

QString TopologyBuilder::childKey(const QString &parentKey, ItemType type, const QString &id)
{
    if (type == ItemType::Cluster)
        return clusterKey();
    return parentKey + QLatin1Char('|') + localKey(type, id);
}

QString TopologyBuilder::localKey(ItemType type, const QString &id)
{
    QLatin1String tag;
    switch (type) {
    case ItemType::Cluster:
        return clusterKey();
    case ItemType::Node:
        tag = QLatin1String("node:");
        break;
    case ItemType::Gpu:
        tag = QLatin1String("gpu:");
        break;
    case ItemType::MigDevice:
        tag = QLatin1String("mig:");
        break;
    case ItemType::GpuResource:
        tag = QLatin1String("res:");
        break;
    case ItemType::Pf:
        tag = QLatin1String("pf:");
        break;
    case ItemType::Vf:
        tag = QLatin1String("vf:");
        break;
    case ItemType::Pod:
        tag = QLatin1String("pod:");
        break;
    }
    return tag + id;
}

TopologyBuilder::TopologyBuilder(const ClusterSnapshot &snapshot)
    : m_snapshot(snapshot)
{
    // Grouped by node in one pass: a large cluster has 150,000 pods, and a lookup by
    // "namespace/name" would build that string for every pod of every snapshot.
    for (const auto &pod : snapshot.pods) {
        if (!pod.node.isEmpty())
            m_podsByNode[pod.node].append(&pod);
    }
}

TopologyBuilder::Item *TopologyBuilder::add(Item &parent, Item::Content content)
{
    for (QString *text : { &content.id, &content.text, &content.summary, &content.toolTip, &content.sortKey })
        m_texts.share(*text);
    return parent.add(std::move(content));
}

const PodSummary *TopologyBuilder::findPod(const QString &node, const QString &key) const
{
    const auto it = m_podsByNode.constFind(node);
    if (it != m_podsByNode.cend()) {
        for (const PodSummary *pod : *it) {
            const auto &ns = pod->namespaceName;
            if (key.size() == ns.size() + 1 + pod->name.size() && key.startsWith(ns) && key.at(ns.size()) == u'/'
                && key.endsWith(pod->name))
                return pod;
        }
    }
    // A device source may name a pod that the API puts elsewhere.
    return m_snapshot.pod(key);
}

TopologyBuilder::NodeInputs TopologyBuilder::inputs(const NodeSummary &node) const
{
    NodeInputs inputs { node, {} };
    const auto local = m_podsByNode.constFind(node.name);
    if (local != m_podsByNode.cend()) {
        inputs.pods.reserve(local->size());
        for (const PodSummary *pod : *local)
            inputs.pods.append(*pod);
    }
    // Holders on other nodes, which the pods above do not cover.
    auto addElsewhere = [&](const PodRef &ref) {
        const PodSummary *pod = findPod(node.name, ref.key());
        if (!pod || pod->node != node.name)
            inputs.pods.append(pod ? *pod : PodSummary());
    };
    if (node.gpu) {
        for (const auto &device : node.gpu->devices) {
            for (const auto &pod : device.pods)
                addElsewhere(pod);
        }
    }
    if (node.sriov) {
        for (const auto &pf : node.sriov->pfs) {
            for (const auto &vf : pf.vfs) {
                if (vf.pod)
                    addElsewhere(*vf.pod);
            }
        }
    }
    return inputs;
}

void TopologyBuilder::build(Item &root, const KeepNode &keep)
{
    Item::Content cluster;
    cluster.type = ItemType::Cluster;
    cluster.text = m_snapshot.context.isEmpty() ? m_snapshot.server : m_snapshot.context;
    cluster.summary
        = ResourceText::plural(tr("%n node(s)", nullptr, int(m_snapshot.nodes.size())), int(m_snapshot.nodes.size()));
    cluster.toolTip = m_snapshot.server;
    cluster.sortValue = m_snapshot.nodes.size();
    Item *clusterItem = root.add(std::move(cluster));
    clusterItem->children.reserve(m_snapshot.nodes.size());
    for (const auto &node : m_snapshot.nodes) {
        if (keep && keep(node)) {
            Item::Content placeholder;
            placeholder.type = ItemType::Node;
            placeholder.id = node.name;
            clusterItem->add(std::move(placeholder))->reuse = true;
        } else {
            addNode(*clusterItem, node);
        }
    }
}

void TopologyBuilder::addNode(Item &cluster, const NodeSummary &node)
{
    Item::Content c;
    c.type = ItemType::Node;
    c.node = node.name;
    c.id = node.name;
    c.text = node.name;
    QString status = node.ready ? QString() : tr("NotReady");
    if (node.unschedulable)
        status = joined({ status, tr("SchedulingDisabled") });
    c.summary = joined(
        { status, ResourceText::gpuSummary(node), node.sriov ? ResourceText::sriovSummary(*node.sriov) : QString() });
    if (!node.gpu && !node.sriov)
        c.summary = joined({ status, tr("no GPUs or SR-IOV NICs") });
    c.toolTip = joined(
        { node.ready ? tr("Ready") : tr("NotReady"),
          ResourceText::plural(tr("%n active pod(s)", nullptr, int(node.pods.size())), int(node.pods.size())) });
    c.sortKey = node.name;
    c.sortValue = node.pods.size();
    c.count = int(node.pods.size());
    c.dimmed = !node.ready;
    c.warning = node.sriov && ResourceText::syncFailed(*node.sriov);
    Item *nodeItem = add(cluster, std::move(c));

    if (node.gpu && !node.gpu->devices.isEmpty())
        addDevices(*nodeItem, node);
    else
        addResources(*nodeItem, node);
    if (node.sriov) {
        for (const auto &pf : node.sriov->pfs) {
            if (pf.sriovCapable())
                addPf(*nodeItem, node, pf);
        }
    }
}

void TopologyBuilder::addDevices(Item &nodeItem, const NodeSummary &node)
{
    const auto &devices = node.gpu->devices;
    QHash<QString, qsizetype> wholeGpus;
    for (qsizetype i = 0; i < devices.size(); ++i) {
        if (devices[i].migProfile.isEmpty())
            wholeGpus.insert(devices[i].uuid, i);
    }
    // MIG devices go under the GPU they are cut from when the snapshot names it.
    QHash<QString, QList<const GpuDevice *>> migByParent;
    QList<const GpuDevice *> topLevel;
    for (const auto &device : devices) {
        if (!device.migProfile.isEmpty() && wholeGpus.contains(device.parentUuid))
            migByParent[device.parentUuid].append(&device);
        else
            topLevel.append(&device);
    }
    for (const GpuDevice *device : std::as_const(topLevel)) {
        const auto children = migByParent.value(device->uuid);
        const int inUse = int(
            std::count_if(children.cbegin(), children.cend(), [](const GpuDevice *d) { return !d->pods.isEmpty(); }));
        addDevice(nodeItem, node, *device, int(children.size()), inUse);
        Item &gpuItem = *nodeItem.children.back();
        for (const GpuDevice *mig : children)
            addDevice(gpuItem, node, *mig, 0, 0);
    }
}

void TopologyBuilder::addDevice(Item &parent, const NodeSummary &node, const GpuDevice &device, int migChildren,
                                int migInUse)
{
    const bool mig = !device.migProfile.isEmpty();
    Item::Content c;
    c.type = mig ? ItemType::MigDevice : ItemType::Gpu;
    c.node = node.name;
    c.id = device.uuid;
    c.count = int(device.pods.size());
    c.sortValue = c.count;
    QString usage;
    if (migChildren > 0)
        usage = ResourceText::plural(tr("%n MIG device(s)", nullptr, migChildren), migChildren) + QStringLiteral(", ")
            + tr("%1 in use").arg(migInUse);
    else if (device.pods.isEmpty())
        usage = tr("free");
    else if (device.pods.size() == 1)
        usage = tr("used by %1").arg(device.pods.constFirst().key());
    else
        usage = ResourceText::plural(tr("%n pod(s)", nullptr, int(device.pods.size())), int(device.pods.size()));
    if (mig) {
        c.text = device.migInstance ? tr("MIG %1 #%2").arg(device.migProfile).arg(*device.migInstance)
                                    : tr("MIG %1").arg(device.migProfile);
        c.summary = joined({ usage, device.uuid });
        c.sortKey = QStringLiteral("0 ") + device.migProfile + QLatin1Char(' ') + padded(device.migInstance.value_or(0))
            + device.uuid;
    } else {
        c.text = device.index ? tr("GPU %1").arg(*device.index) : device.uuid;
        c.summary = joined({ usage, device.model, device.pciBusId });
        c.sortKey = QStringLiteral("0 ") + padded(device.index.value_or(0)) + device.uuid;
    }
    c.toolTip = device.uuid;
    Item *item = add(parent, std::move(c));
    for (const auto &pod : device.pods) {
        const QString local = pod.container.isEmpty() ? pod.key() : pod.key() + QLatin1Char('/') + pod.container;
        addPod(*item, node.name, pod.key(), local,
               pod.container.isEmpty() ? QString() : tr("container %1").arg(pod.container), 1);
    }
}

void TopologyBuilder::addResources(Item &nodeItem, const NodeSummary &node)
{
    for (const auto &resource : node.resources) {
        if (!isGpuResource(resource.kind))
            continue;
        Item::Content c;
        c.type = ItemType::GpuResource;
        c.node = node.name;
        c.id = resource.name;
        c.text = QStringLiteral("%1 %2/%3").arg(resource.name).arg(resource.requested).arg(resource.allocatable);
        const qint64 free = resource.allocatable - resource.requested;
        c.summary
            = tr("%1 requested · %2 allocatable · %3 free").arg(resource.requested).arg(resource.allocatable).arg(free);
        c.toolTip = tr("%1: %2 of %3 allocatable requested (capacity %4)")
                        .arg(resource.name)
                        .arg(resource.requested)
                        .arg(resource.allocatable)
                        .arg(resource.capacity);
        c.sortKey = QStringLiteral("0 ") + resource.name;
        c.sortValue = free;
        c.dimmed = resource.allocatable == 0 && resource.requested == 0;
        c.warning = free < 0;
        Item *item = add(nodeItem, std::move(c));
        for (const auto &podKey : node.pods) {
            const PodSummary *pod = findPod(node.name, podKey);
            const qint64 count = pod ? pod->requests.value(resource.name) : 0;
            if (count > 0)
                addPod(*item, node.name, podKey, podKey, tr("requests %1").arg(count), int(count));
        }
        item->content.count = int(item->children.size());
    }
}

void TopologyBuilder::addPf(Item &nodeItem, const NodeSummary &node, const PhysicalFunction &pf)
{
    Item::Content c;
    c.type = ItemType::Pf;
    c.node = node.name;
    c.id = pf.pciAddress;
    c.text = pf.name.isEmpty() ? pf.pciAddress : pf.name;
    const int used = pf.allocatedVfs();
    const int total = std::max(pf.numVfs, int(pf.vfs.size()));
    c.summary = joined({ tr("%1/%2 VFs in use").arg(used).arg(total), pf.name.isEmpty() ? QString() : pf.pciAddress,
                         pf.driver, ResourceText::linkSpeed(pf) });
    c.toolTip = joined({ pf.resource, pf.vendor.isEmpty() ? QString() : pf.vendor + QLatin1Char(':') + pf.deviceId });
    c.sortKey = QStringLiteral("1 ") + pf.pciAddress;
    c.sortValue = used;
    c.count = used;
    Item *pfItem = add(nodeItem, std::move(c));
    for (const auto &vf : pf.vfs) {
        Item::Content v;
        v.type = ItemType::Vf;
        v.node = node.name;
        v.id = vf.pciAddress;
        v.text = tr("VF %1").arg(vf.vfId);
        const QString holder = !vf.pod  ? tr("free")
            : vf.podInterface.isEmpty() ? tr("used by %1").arg(vf.pod->key())
                                        : tr("used by %1 as %2").arg(vf.pod->key(), vf.podInterface);
        v.summary = joined({ holder, vf.pciAddress, vf.driver, vf.vlan ? tr("VLAN %1").arg(*vf.vlan) : QString() });
        v.toolTip = joined({ vf.name, vf.mac });
        v.sortKey = padded(vf.vfId);
        v.sortValue = vf.pod ? 1 : 0;
        v.count = v.sortValue;
        Item *vfItem = add(*pfItem, std::move(v));
        if (vf.pod)
            addPod(*vfItem, node.name, vf.pod->key(), vf.pod->key(), joined({ vf.podInterface, vf.network }), 1,
                   vf.podInterface);
    }
}

void TopologyBuilder::addPod(Item &parent, const QString &node, const QString &podKey, const QString &ownId,
                             const QString &summary, int count, const QString &interfaceName)
{
    const PodSummary *pod = findPod(node, podKey);
    Item::Content c;
    c.type = ItemType::Pod;
    c.node = node;
    c.id = podKey;
    c.text = podKey;
    c.summary = joined({ summary, pod ? pod->phase : QString() });
    c.toolTip = pod && pod->pending ? pod->pending->message : QString();
    c.sortKey = ownId;
    c.sortValue = count;
    c.count = count;
    c.interfaceName = interfaceName;
    c.dimmed = pod && (pod->phase == QLatin1String("Succeeded") || pod->phase == QLatin1String("Failed"));
    add(parent, std::move(c));
}

} // namespace Specula::Model
