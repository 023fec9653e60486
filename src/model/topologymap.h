// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/labelselector.h"
#include "model/clustersnapshot.h"
#include "model/heatmapscale.h"

#include <QCoreApplication>
#include <QRectF>
#include <memory>

class QStandardItemModel;

namespace Specula::Model {

// What the map colours GPUs and MIG slices by. VFs and GPU resources always show allocation.
enum class MapColoring { Allocation, Utilization, Memory, Temperature, Power };

// One thing drawn inside a node's box: a GPU, a MIG slice inside its GPU, a GPU resource (where
// no source names devices: a bar of units requested against allocatable) or a VF.
struct TopologyMapCell
{
    enum class Kind : quint8 { Gpu, Mig, GpuResource, Vf };

    Kind kind = Kind::Gpu;
    int parent = -1; // MIG: the index of the GPU cell it is drawn in; VF: the index of its NIC
    QString id; // UUID, resource name or PCI address
    QString pciBusId; // GPU: where it sits
    QString label; // "GPU 0", "3g.40gb", "nvidia.com/gpu", "VF 3"
    QStringList pods; // holders, "namespace/name"
    QRectF rect; // in the node box's coordinates
    double value = qQNaN(); // the colouring metric's latest reading
    double fill = 1; // GPU resource: the requested share of allocatable
    bool held = false;
    bool sliced = false; // a GPU cut into MIG slices, which are drawn inside it
    bool match = false; // contains the search text
    bool faded = false; // held only outside the namespace filter
};

// A PF heading above its VFs.
struct TopologyMapNic
{
    QString name;
    QString pciAddress;
    QString resource;
    int notCreated = 0; // totalVfs beyond the VFs created
    QRectF rect; // the heading, in the node box's coordinates
};

struct TopologyMapNode
{
    QString name;
    QRectF rect; // in scene coordinates
    bool ready = false;
    bool unschedulable = false;
    bool warning = false; // the SR-IOV operator's sync failed
    bool match = false; // the node itself contains the search text
    QString summary; // "8 GPUs · 2 NICs"
    QList<TopologyMapCell> cells;
    QList<TopologyMapNic> nics;
    // What the whole box shows from afar: the GPUs' mean value, or the share of devices held.
    double aggregate = qQNaN();
};

// How to lay out and colour the map, and which nodes it keeps.
struct TopologyMapOptions
{
    MapColoring coloring = MapColoring::Allocation;
    QString search; // case-insensitive; nodes without a match are left out
    QString namespaceName; // only nodes with a device held in it; other holders faded
    Kube::LabelSelector selector; // on node labels

    friend bool operator==(const TopologyMapOptions &, const TopologyMapOptions &) = default;
};

// The cluster drawn as node boxes holding their GPUs (MIG slices inside their GPU) and NICs (PFs
// with their VFs), in a grid of rows sorted by node name. Built off the GUI thread from a
// snapshot; the map view, its picture export and its CSV all come from this one layout.
class TopologyMap
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::TopologyMap)

public:
    static constexpr double kNodeWidth = 232;
    static constexpr double kGap = 12; // between node boxes

    // Boxes of `previous` whose node shows the same (and that were laid out with the same
    // options) are kept as they are: a cluster where a few pods come and go every second lays
    // out a handful of boxes, and the new map shares the rest with the one on screen.
    static TopologyMap build(const ClusterSnapshot &snapshot, const TopologyMapOptions &options,
                             const TopologyMap &previous);
    static TopologyMap build(const ClusterSnapshot &snapshot, const TopologyMapOptions &options);

    const QList<TopologyMapNode> &nodes() const { return m_nodes; }
    QRectF bounds() const { return m_bounds; }
    MapColoring coloring() const { return m_options.coloring; }
    // The metric's colour scale (Utilization … Power); unused for Allocation.
    const HeatmapScale &scale() const { return m_scale; }
    int totalNodes() const { return m_totalNodes; }

    static QList<MapColoring> colorings();
    static QString title(MapColoring coloring);
    // The --color names: allocation, util, memory, temperature, power.
    static QString shortName(MapColoring coloring);
    static std::optional<MapColoring> fromShortName(const QString &name);

    // The TopologyModel key of a node (cell -1) or a cell.
    QString key(int node, int cell = -1) const;
    // The node and cell a TopologyModel key shows; a pod's key gives what it holds. {-1, -1}
    // when the map does not show it.
    std::pair<int, int> find(const QString &key) const;
    // The node and cell at a scene point; cell -1 over a box but no cell, node -1 outside.
    std::pair<int, int> hit(QPointF scenePoint) const;
    // What hovering tells about a node or cell.
    QString describe(int node, int cell = -1) const;
    // One row per cell, for CSV: node, kind, id, label, parent, pods, held, value.
    std::unique_ptr<QStandardItemModel> cellTable() const;

private:
    // What a box is laid out from: its node and, for bars of GPU resources, the requests of the
    // node's pods, which name the pods in the bars.
    struct LaidOutFrom
    {
        NodeSummary node;
        QList<QMap<QString, qint64>> podRequests;
    };
    // The box this map drew from `from` when it still shows the same, else null.
    const TopologyMapNode *unchangedBox(const LaidOutFrom &from, const TopologyMapOptions &options) const;

    QList<TopologyMapNode> m_nodes;
    QList<LaidOutFrom> m_laidOutFrom; // by box
    TopologyMapOptions m_options;
    QHash<QString, int> m_nodeIndex;
    QRectF m_bounds;
    HeatmapScale m_scale;
    int m_totalNodes = 0;
};

} // namespace Specula::Model
