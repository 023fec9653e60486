// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/topologymap.h"

#include "model/resourcetext.h"
#include "model/topologybuilder.h"

#include <QRegularExpression>
#include <QStandardItemModel>
#include <cmath>

namespace Specula::Model {
namespace {

using Cell = TopologyMapCell;
using ItemType = TopologyModel::ItemType;

constexpr double kPad = 6;
constexpr double kTitleHeight = 20;
constexpr double kInnerWidth = TopologyMap::kNodeWidth - 2 * kPad;
constexpr double kGpuColumns = 2;
constexpr double kGpuHeight = 34;
constexpr double kResourceHeight = 18;
constexpr double kNicHeight = 14;
constexpr double kVfColumns = 4;
constexpr double kVfHeight = 16;
constexpr double kSpacing = 4;
constexpr double kMigInset = 2;
// A100 and H100 cut a GPU into seven compute slices; "3g.40gb" takes three of them.
constexpr double kMigComputeSlices = 7;

struct ColoringInfo
{
    MapColoring coloring;
    const char *shortName;
    const char *title;
};

constexpr ColoringInfo kColorings[] = {
    { MapColoring::Allocation, "allocation", QT_TRANSLATE_NOOP("Specula::Model::TopologyMap", "Allocation") },
    { MapColoring::Utilization, "util", QT_TRANSLATE_NOOP("Specula::Model::TopologyMap", "Utilization") },
    { MapColoring::Memory, "memory", QT_TRANSLATE_NOOP("Specula::Model::TopologyMap", "Memory used") },
    { MapColoring::Temperature, "temperature", QT_TRANSLATE_NOOP("Specula::Model::TopologyMap", "Temperature") },
    { MapColoring::Power, "power", QT_TRANSLATE_NOOP("Specula::Model::TopologyMap", "Power") },
};

std::optional<double> reading(const GpuReadings &r, MapColoring coloring)
{
    switch (coloring) {
    case MapColoring::Allocation:
        return std::nullopt;
    case MapColoring::Utilization:
        return r.utilPercent;
    case MapColoring::Memory:
        if (r.memUsedMiB && r.memFreeMiB && *r.memUsedMiB + *r.memFreeMiB > 0)
            return 100.0 * *r.memUsedMiB / (*r.memUsedMiB + *r.memFreeMiB);
        return std::nullopt;
    case MapColoring::Temperature:
        return r.tempC;
    case MapColoring::Power:
        return r.powerW;
    }
    return std::nullopt;
}

Prom::Metric metricOf(MapColoring coloring)
{
    switch (coloring) {
    case MapColoring::Memory:
        return Prom::Metric::GpuMemUsed;
    case MapColoring::Temperature:
        return Prom::Metric::GpuTemp;
    case MapColoring::Power:
        return Prom::Metric::GpuPower;
    case MapColoring::Allocation:
    case MapColoring::Utilization:
        break;
    }
    return Prom::Metric::GpuUtil;
}

// The compute slices of a MIG profile ("3g.40gb" → 3), or nothing when it does not say.
std::optional<double> computeSlices(const QString &profile)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)g\\."));
    const auto match = pattern.match(profile);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

QStringList podKeys(const QList<PodRef> &refs)
{
    QStringList keys;
    keys.reserve(refs.size());
    for (const auto &ref : refs) {
        if (!keys.contains(ref.key()))
            keys.append(ref.key());
    }
    return keys;
}

// Whether a node without named devices draws a bar for the resource.
bool drawsResource(const NodeResource &resource)
{
    return isGpuResource(resource.kind) && (resource.allocatable != 0 || resource.requested != 0);
}

bool hasDevices(const NodeSummary &node)
{
    return node.gpu && !node.gpu->devices.isEmpty();
}

// The requests of the node's pods where its box draws bars of GPU resources, which name the pods
// requesting them; nothing otherwise.
QList<QMap<QString, qint64>> barRequests(const NodeSummary &node, const ClusterSnapshot &snapshot)
{
    QList<QMap<QString, qint64>> requests;
    if (hasDevices(node) || std::none_of(node.resources.cbegin(), node.resources.cend(), drawsResource))
        return requests;
    requests.reserve(node.pods.size());
    for (const auto &podKey : node.pods) {
        const PodSummary *pod = snapshot.pod(podKey);
        requests.append(pod ? pod->requests : QMap<QString, qint64>());
    }
    return requests;
}

// Lays out one node's box: the title, then GPUs two to a row (MIG slices as strips inside
// their GPU) or a bar per GPU resource, then each SR-IOV NIC's heading and its VFs four to a row.
class NodeLayout
{
public:
    NodeLayout(const NodeSummary &node, const ClusterSnapshot &snapshot, MapColoring coloring)
        : m_node(node)
        , m_snapshot(snapshot)
        , m_coloring(coloring)
    { }

    TopologyMapNode build()
    {
        TopologyMapNode box;
        box.name = m_node.name;
        box.ready = m_node.ready;
        box.unschedulable = m_node.unschedulable;
        box.warning = m_node.sriov && ResourceText::syncFailed(*m_node.sriov);
        box.summary = ResourceText::gpuSummary(m_node);
        if (m_node.sriov) {
            const QString sriov = ResourceText::sriovSummary(*m_node.sriov);
            box.summary = box.summary.isEmpty() ? sriov : box.summary + QStringLiteral(" · ") + sriov;
        }
        m_y = kTitleHeight;
        if (hasDevices(m_node))
            addDevices(box);
        else
            addResources(box);
        if (m_node.sriov)
            addNics(box);
        box.rect = QRectF(0, 0, TopologyMap::kNodeWidth, m_y + kPad);
        return box;
    }

private:
    void addDevices(TopologyMapNode &box)
    {
        const auto &devices = m_node.gpu->devices;
        QSet<QString> wholeGpus;
        for (const auto &device : devices) {
            if (device.migProfile.isEmpty())
                wholeGpus.insert(device.uuid);
        }
        const double width = (kInnerWidth - (kGpuColumns - 1) * kSpacing) / kGpuColumns;
        int column = 0;
        for (const auto &device : devices) {
            if (!device.migProfile.isEmpty() && wholeGpus.contains(device.parentUuid))
                continue;
            const QRectF rect(kPad + column * (width + kSpacing), m_y, width, kGpuHeight);
            const int gpuIndex = int(box.cells.size());
            box.cells.append(deviceCell(device, rect, -1));
            addMigSlices(box, device.uuid, gpuIndex);
            if (++column == kGpuColumns) {
                column = 0;
                m_y += kGpuHeight + kSpacing;
            }
        }
        if (column > 0)
            m_y += kGpuHeight + kSpacing;
    }

    void addMigSlices(TopologyMapNode &box, const QString &parentUuid, int parentIndex)
    {
        QList<const GpuDevice *> slices;
        double used = 0;
        for (const auto &device : m_node.gpu->devices) {
            if (device.parentUuid == parentUuid && !device.migProfile.isEmpty()) {
                slices.append(&device);
                used += computeSlices(device.migProfile).value_or(1);
            }
        }
        if (slices.isEmpty())
            return;
        box.cells[parentIndex].sliced = true;
        const QRectF inner = box.cells[parentIndex].rect.adjusted(kMigInset, kMigInset, -kMigInset, -kMigInset);
        // Strips keep their share of the GPU's seven slices; what is not cut stays empty.
        const double unit = inner.width() / std::max(kMigComputeSlices, used);
        double x = inner.left();
        for (const GpuDevice *slice : std::as_const(slices)) {
            const double w = unit * computeSlices(slice->migProfile).value_or(1);
            box.cells.append(deviceCell(*slice, QRectF(x, inner.top(), w - 1, inner.height()), parentIndex));
            x += w;
        }
    }

    Cell deviceCell(const GpuDevice &device, const QRectF &rect, int parent) const
    {
        Cell cell;
        const bool mig = !device.migProfile.isEmpty();
        cell.kind = mig ? Cell::Kind::Mig : Cell::Kind::Gpu;
        cell.parent = parent;
        cell.id = device.uuid;
        cell.pciBusId = device.pciBusId;
        cell.label = mig   ? device.migProfile
            : device.index ? TopologyMap::tr("GPU %1").arg(*device.index)
                           : device.uuid.left(12);
        cell.pods = podKeys(device.pods);
        cell.held = !cell.pods.isEmpty();
        cell.rect = rect;
        if (const auto value = reading(device.readings, m_coloring))
            cell.value = *value;
        return cell;
    }

    void addResources(TopologyMapNode &box)
    {
        for (const auto &resource : m_node.resources) {
            if (!drawsResource(resource))
                continue;
            Cell cell;
            cell.kind = Cell::Kind::GpuResource;
            cell.id = resource.name;
            cell.label
                = QStringLiteral("%1 %2/%3").arg(resource.name).arg(resource.requested).arg(resource.allocatable);
            cell.fill = resource.allocatable > 0
                ? std::clamp(double(resource.requested) / resource.allocatable, 0.0, 1.0)
                : 1.0;
            cell.held = resource.requested > 0;
            for (const auto &podKey : m_node.pods) {
                const PodSummary *pod = m_snapshot.pod(podKey);
                if (pod && pod->requests.value(resource.name) > 0)
                    cell.pods.append(podKey);
            }
            cell.rect = QRectF(kPad, m_y, kInnerWidth, kResourceHeight);
            box.cells.append(cell);
            m_y += kResourceHeight + kSpacing;
        }
    }

    void addNics(TopologyMapNode &box)
    {
        const double width = (kInnerWidth - (kVfColumns - 1) * kSpacing) / kVfColumns;
        for (const auto &pf : m_node.sriov->pfs) {
            if (!pf.sriovCapable())
                continue;
            TopologyMapNic nic;
            nic.name = pf.name.isEmpty() ? pf.pciAddress : pf.name;
            nic.pciAddress = pf.pciAddress;
            nic.resource = pf.resource;
            nic.notCreated = std::max(0, pf.totalVfs.value_or(0) - int(pf.vfs.size()));
            nic.rect = QRectF(kPad, m_y, kInnerWidth, kNicHeight);
            const int nicIndex = int(box.nics.size());
            box.nics.append(nic);
            m_y += kNicHeight + kSpacing / 2;
            int column = 0;
            for (const auto &vf : pf.vfs) {
                Cell cell;
                cell.kind = Cell::Kind::Vf;
                cell.parent = nicIndex;
                cell.id = vf.pciAddress;
                cell.label = TopologyMap::tr("VF %1").arg(vf.vfId);
                if (vf.pod)
                    cell.pods.append(vf.pod->key());
                cell.held = vf.pod.has_value();
                cell.rect = QRectF(kPad + column * (width + kSpacing), m_y, width, kVfHeight);
                box.cells.append(cell);
                if (++column == kVfColumns) {
                    column = 0;
                    m_y += kVfHeight + kSpacing;
                }
            }
            if (column > 0)
                m_y += kVfHeight + kSpacing;
        }
    }

    const NodeSummary &m_node;
    const ClusterSnapshot &m_snapshot;
    MapColoring m_coloring;
    double m_y = 0;
};

bool contains(const QString &text, const QString &search)
{
    return text.contains(search, Qt::CaseInsensitive);
}

// Marks what contains the search text; true when anything in the box does.
bool markMatches(TopologyMapNode &box, const QString &search)
{
    box.match = contains(box.name, search);
    bool any = box.match;
    for (auto &cell : box.cells) {
        cell.match = contains(cell.id, search) || contains(cell.label, search) || contains(cell.pciBusId, search)
            || std::any_of(cell.pods.cbegin(), cell.pods.cend(),
                           [&](const QString &pod) { return contains(pod, search); });
        any = any || cell.match;
    }
    for (const auto &nic : std::as_const(box.nics))
        any = any || contains(nic.name, search) || contains(nic.pciAddress, search);
    return any;
}

// Fades cells held only outside `ns`; true when some cell is held in it.
bool applyNamespace(TopologyMapNode &box, const QString &ns)
{
    const QString prefix = ns + QLatin1Char('/');
    bool any = false;
    for (auto &cell : box.cells) {
        const bool inNamespace = std::any_of(cell.pods.cbegin(), cell.pods.cend(),
                                             [&](const QString &pod) { return pod.startsWith(prefix); });
        cell.faded = cell.held && !inNamespace;
        any = any || inNamespace;
    }
    return any;
}

// The share of a cell that pods hold: a GPU resource's requested share, a sliced GPU's share of
// slices held, else all or nothing.
double heldShare(const TopologyMapNode &box, int index)
{
    const Cell &cell = box.cells[index];
    if (cell.kind == Cell::Kind::GpuResource)
        return cell.fill;
    if (!cell.sliced)
        return cell.held ? 1.0 : 0.0;
    int slices = 0;
    int held = 0;
    for (const auto &slice : box.cells) {
        if (slice.parent == index && slice.kind == Cell::Kind::Mig) {
            ++slices;
            held += slice.held ? 1 : 0;
        }
    }
    return slices > 0 ? double(held) / slices : 0.0;
}

double aggregateOf(const TopologyMapNode &box, MapColoring coloring)
{
    double sum = 0;
    int count = 0;
    for (int i = 0; i < box.cells.size(); ++i) {
        const Cell &cell = box.cells[i];
        if (coloring == MapColoring::Allocation) {
            if (cell.kind == Cell::Kind::Mig && cell.parent >= 0)
                continue; // its GPU counts once
            sum += heldShare(box, i);
            ++count;
        } else if (cell.kind != Cell::Kind::Vf && !std::isnan(cell.value)) {
            sum += cell.value;
            ++count;
        }
    }
    return count > 0 ? sum / count : qQNaN();
}

} // namespace

const TopologyMapNode *TopologyMap::unchangedBox(const LaidOutFrom &from, const TopologyMapOptions &options) const
{
    const int index = m_nodeIndex.value(from.node.name, -1);
    if (index < 0 || !(options == m_options))
        return nullptr;
    const LaidOutFrom &before = m_laidOutFrom[index];
    const bool sameNode = options.coloring == MapColoring::Allocation ? from.node.equalApartFromReadings(before.node)
                                                                      : from.node == before.node;
    return sameNode && from.podRequests == before.podRequests ? &m_nodes[index] : nullptr;
}

TopologyMap TopologyMap::build(const ClusterSnapshot &snapshot, const TopologyMapOptions &options,
                               const TopologyMap &previous)
{
    TopologyMap map;
    map.m_options = options;
    map.m_totalNodes = int(snapshot.nodes.size());
    double peak = 0;
    for (const auto &node : snapshot.nodes) {
        if (!options.selector.matches(node.labels))
            continue;
        LaidOutFrom from { node, barRequests(node, snapshot) };
        if (const TopologyMapNode *kept = previous.unchangedBox(from, options)) {
            map.m_nodes.append(*kept);
        } else {
            TopologyMapNode box = NodeLayout(node, snapshot, options.coloring).build();
            if (!options.search.isEmpty() && !markMatches(box, options.search))
                continue;
            if (!options.namespaceName.isEmpty() && !applyNamespace(box, options.namespaceName))
                continue;
            box.aggregate = aggregateOf(box, options.coloring);
            map.m_nodes.append(std::move(box));
        }
        map.m_laidOutFrom.append(std::move(from));
        for (const auto &cell : std::as_const(map.m_nodes.last().cells)) {
            if (!std::isnan(cell.value))
                peak = std::max(peak, cell.value);
        }
    }
    if (options.coloring != MapColoring::Allocation)
        map.m_scale = HeatmapScale::forMetric(metricOf(options.coloring), peak);

    // Rows of equal width; the column count keeps the whole map about as wide as a 16:10 screen.
    double totalHeight = 0;
    for (const auto &box : std::as_const(map.m_nodes))
        totalHeight += box.rect.height() + kGap;
    const double meanHeight = map.m_nodes.isEmpty() ? 1 : totalHeight / map.m_nodes.size();
    const int columns
        = std::max(1, int(std::ceil(std::sqrt(1.6 * map.m_nodes.size() * meanHeight / (kNodeWidth + kGap)))));
    double y = 0;
    for (qsizetype first = 0; first < map.m_nodes.size(); first += columns) {
        const qsizetype last = std::min(first + columns, map.m_nodes.size());
        double rowHeight = 0;
        for (qsizetype i = first; i < last; ++i) {
            auto &box = map.m_nodes[i];
            box.rect.moveTo(double(i - first) * (kNodeWidth + kGap), y);
            rowHeight = std::max(rowHeight, box.rect.height());
            map.m_nodeIndex.insert(box.name, int(i));
        }
        y += rowHeight + kGap;
    }
    const qsizetype shownColumns = std::min<qsizetype>(columns, map.m_nodes.size());
    map.m_bounds = QRectF(0, 0, shownColumns * (kNodeWidth + kGap) - kGap, std::max(0.0, y - kGap));
    return map;
}

TopologyMap TopologyMap::build(const ClusterSnapshot &snapshot, const TopologyMapOptions &options)
{
    return build(snapshot, options, TopologyMap());
}

QList<MapColoring> TopologyMap::colorings()
{
    QList<MapColoring> list;
    for (const auto &info : kColorings)
        list.append(info.coloring);
    return list;
}

QString TopologyMap::title(MapColoring coloring)
{
    for (const auto &info : kColorings) {
        if (info.coloring == coloring)
            return tr(info.title);
    }
    return {};
}

QString TopologyMap::shortName(MapColoring coloring)
{
    for (const auto &info : kColorings) {
        if (info.coloring == coloring)
            return QString::fromLatin1(info.shortName);
    }
    return {};
}

std::optional<MapColoring> TopologyMap::fromShortName(const QString &name)
{
    for (const auto &info : kColorings) {
        if (name == QLatin1String(info.shortName))
            return info.coloring;
    }
    return std::nullopt;
}

QString TopologyMap::key(int node, int cell) const
{
    if (node < 0 || node >= m_nodes.size())
        return {};
    const TopologyMapNode &box = m_nodes[node];
    const QString nodeKey = TopologyBuilder::childKey(TopologyBuilder::clusterKey(), ItemType::Node, box.name);
    if (cell < 0 || cell >= box.cells.size())
        return nodeKey;
    const Cell &c = box.cells[cell];
    switch (c.kind) {
    case Cell::Kind::Gpu:
        return TopologyBuilder::childKey(nodeKey, ItemType::Gpu, c.id);
    case Cell::Kind::Mig:
        return TopologyBuilder::childKey(c.parent >= 0 ? key(node, c.parent) : nodeKey, ItemType::MigDevice, c.id);
    case Cell::Kind::GpuResource:
        return TopologyBuilder::childKey(nodeKey, ItemType::GpuResource, c.id);
    case Cell::Kind::Vf:
        return TopologyBuilder::childKey(
            TopologyBuilder::childKey(nodeKey, ItemType::Pf, box.nics.value(c.parent).pciAddress), ItemType::Vf, c.id);
    }
    return nodeKey;
}

std::pair<int, int> TopologyMap::find(const QString &key) const
{
    // "cluster|node:NAME|…": the node, then the cell whose key the rest starts with.
    static const QString nodeTag = QStringLiteral("|node:");
    const qsizetype start = key.indexOf(nodeTag);
    if (start < 0)
        return { -1, -1 };
    const qsizetype nameStart = start + nodeTag.size();
    const qsizetype end = key.indexOf(QLatin1Char('|'), nameStart);
    const int node = m_nodeIndex.value(key.mid(nameStart, end < 0 ? -1 : end - nameStart), -1);
    if (node < 0)
        return { -1, -1 };
    // The longest cell key that the key starts with: a pod's key gives the device it holds.
    int best = -1;
    qsizetype bestLength = 0;
    for (int cell = 0; cell < m_nodes[node].cells.size(); ++cell) {
        const QString cellKey = this->key(node, cell);
        const bool prefix
            = key.startsWith(cellKey) && (key.size() == cellKey.size() || key.at(cellKey.size()) == QLatin1Char('|'));
        if (prefix && cellKey.size() > bestLength) {
            best = cell;
            bestLength = cellKey.size();
        }
    }
    return { node, best };
}

std::pair<int, int> TopologyMap::hit(QPointF scenePoint) const
{
    for (int node = 0; node < m_nodes.size(); ++node) {
        const TopologyMapNode &box = m_nodes[node];
        if (!box.rect.contains(scenePoint))
            continue;
        const QPointF local = scenePoint - box.rect.topLeft();
        // MIG strips lie inside their GPU and come after it: the last hit is the innermost.
        for (int cell = int(box.cells.size()) - 1; cell >= 0; --cell) {
            if (box.cells[cell].rect.contains(local))
                return { node, cell };
        }
        return { node, -1 };
    }
    return { -1, -1 };
}

QString TopologyMap::describe(int node, int cell) const
{
    if (node < 0 || node >= m_nodes.size())
        return {};
    const TopologyMapNode &box = m_nodes[node];
    QStringList lines { box.name };
    if (cell < 0 || cell >= box.cells.size()) {
        lines.append(box.ready ? tr("Ready") : tr("NotReady"));
        if (box.unschedulable)
            lines.last() += tr(", scheduling disabled");
        if (!box.summary.isEmpty())
            lines.append(box.summary);
        return lines.join(QLatin1Char('\n'));
    }
    const Cell &c = box.cells[cell];
    switch (c.kind) {
    case Cell::Kind::Gpu:
        lines.append(c.label + QStringLiteral(" · ") + c.id);
        if (!c.pciBusId.isEmpty())
            lines.append(tr("PCI bus %1").arg(c.pciBusId));
        break;
    case Cell::Kind::Mig:
        lines.append(tr("MIG %1 · %2").arg(c.label, c.id));
        break;
    case Cell::Kind::GpuResource:
        lines.append(c.label);
        break;
    case Cell::Kind::Vf: {
        const TopologyMapNic nic = box.nics.value(c.parent);
        lines.append(tr("%1 of %2 · %3").arg(c.label, nic.name, c.id));
        break;
    }
    }
    if (!std::isnan(c.value))
        lines.append(tr("%1: %2").arg(title(m_options.coloring), m_scale.format(c.value)));
    if (c.pods.isEmpty())
        lines.append(c.kind == Cell::Kind::GpuResource ? tr("no pod requests it") : tr("free"));
    for (const auto &pod : c.pods)
        lines.append(tr("held by %1").arg(pod));
    return lines.join(QLatin1Char('\n'));
}

std::unique_ptr<QStandardItemModel> TopologyMap::cellTable() const
{
    const QStringList headers { tr("Node"),   tr("Kind"), tr("ID"),   tr("Label"),
                                tr("Parent"), tr("Pods"), tr("Held"), title(m_options.coloring) };
    auto table = std::make_unique<QStandardItemModel>(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    auto kindName = [](Cell::Kind kind) {
        switch (kind) {
        case Cell::Kind::Gpu:
            return QStringLiteral("gpu");
        case Cell::Kind::Mig:
            return QStringLiteral("mig");
        case Cell::Kind::GpuResource:
            return QStringLiteral("gpu-resource");
        case Cell::Kind::Vf:
            return QStringLiteral("vf");
        }
        return QString();
    };
    for (const auto &box : m_nodes) {
        for (const auto &cell : box.cells) {
            QString parent;
            if (cell.kind == Cell::Kind::Mig && cell.parent >= 0)
                parent = box.cells[cell.parent].id;
            else if (cell.kind == Cell::Kind::Vf)
                parent = box.nics.value(cell.parent).pciAddress;
            QString value;
            if (m_options.coloring == MapColoring::Allocation)
                value = cell.kind == Cell::Kind::GpuResource ? QString::number(cell.fill)
                                                             : QString::number(cell.held ? 1 : 0);
            else if (!std::isnan(cell.value))
                value = QString::number(cell.value, 'g', 10);
            QList<QStandardItem *> row;
            for (const QString &text :
                 { box.name, kindName(cell.kind), cell.id, cell.label, parent, cell.pods.join(QLatin1Char(' ')),
                   cell.held ? QStringLiteral("yes") : QStringLiteral("no"), value })
                row.append(new QStandardItem(text));
            table->appendRow(row);
        }
    }
    return table;
}

} // namespace Specula::Model
