// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/topologymodel.h"

#include "core/offthread.h"
#include "model/topologybuilder.h"
#include "model/topologyitem.h"

#include <QBrush>
#include <QColor>
#include <QDeadlineTimer>
#include <QPalette>
#include <QSet>
#include <iterator>

namespace Specula::Model {

TopologyModel::TopologyModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Item>())
{ }

TopologyModel::~TopologyModel() = default;

// The tree a snapshot describes, and what each node's subtree was built from.
struct TopologyModel::Built
{
    std::shared_ptr<Item> root; // shared: results cross threads in copyable futures
    QHash<QString, NodeInputs> inputs;
    bool resetting = false;
    int itemCount = 0; // of a tree that replaces the shown one; a sync counts what it changes
};

TopologyModel::Built TopologyModel::build(const ClusterSnapshot &snapshot, const QHash<QString, NodeInputs> &shown,
                                          bool resetting)
{
    TopologyBuilder builder(snapshot);
    Built built { std::make_shared<Item>(), {}, resetting };
    built.inputs.reserve(snapshot.nodes.size());
    auto keep = [&](const NodeSummary &node) {
        NodeInputs current { builder.inputs(node) };
        const auto it = shown.constFind(node.name);
        const bool same = !resetting && it != shown.cend() && *it == current;
        built.inputs.insert(node.name, std::move(current));
        return same;
    };
    builder.build(*built.root, keep);
    if (resetting)
        built.itemCount = built.root->count() - 1;
    return built;
}

void TopologyModel::setSnapshot(const ClusterSnapshot &snapshot, bool reset)
{
    if (m_building) {
        const bool resetWaiting = m_waiting && m_waiting->second;
        m_waiting.emplace(snapshot, reset || resetWaiting);
        return;
    }
    if (snapshot.nodes.size() >= OffThreadFromNodes) {
        buildOffThread(snapshot, reset);
        return;
    }
    const bool resetting = reset || !m_hasSnapshot || snapshot.context != m_context;
    apply(build(snapshot, m_inputs, resetting), snapshot.context);
}

// One build at a time, so that each compares against the tree on screen.
void TopologyModel::buildOffThread(const ClusterSnapshot &snapshot, bool reset)
{
    m_building = true;
    const bool resetting = reset || !m_hasSnapshot || snapshot.context != m_context;
    Core::buildOffThread(
        this, [snapshot, shown = m_inputs, resetting] { return build(snapshot, shown, resetting); },
        [this, context = snapshot.context](Built built) { apply(std::move(built), context, Pace::InSlices); });
}

void TopologyModel::apply(Built built, const QString &context, Pace pace)
{
    Core::freeOffThread(std::exchange(m_inputs, std::move(built.inputs)));
    if (!built.resetting && pace == Pace::InSlices && m_root->children.size() == 1 && sameKeys(*m_root, *built.root)
        && sameKeys(*m_root->children.front(), *built.root->children.front())) {
        Item *cluster = m_root->children.front().get();
        Item::Content &wanted = built.root->children.front()->content;
        if (!(cluster->content == wanted)) {
            cluster->content = std::move(wanted);
            Q_EMIT dataChanged(indexOf(cluster), indexOf(cluster, ColumnCount - 1));
        }
        m_slicedSync = std::move(built.root);
        syncNextSlice(0);
        return;
    }
    if (built.resetting) {
        beginResetModel();
        m_removed.push_back(std::exchange(m_root, std::make_unique<Item>(std::move(*built.root))));
        for (auto &child : m_root->children)
            child->parent = m_root.get();
        m_context = context;
        m_hasSnapshot = true;
        m_itemCount = built.itemCount;
        endResetModel();
    } else {
        syncChildren(m_root.get(), *built.root);
        Core::freeOffThread(std::move(built.root));
    }
    finishApply();
}

void TopologyModel::syncNextSlice(std::size_t firstNode)
{
    Item *cluster = m_root->children.front().get();
    Item &wanted = *m_slicedSync->children.front();
    const std::size_t nextNode = syncContents(cluster, wanted, firstNode, QDeadlineTimer(m_syncSliceBudget));
    if (nextNode < wanted.children.size()) {
        QMetaObject::invokeMethod(
            this, [this, nextNode] { syncNextSlice(nextNode); }, Qt::QueuedConnection);
        return;
    }
    Core::freeOffThread(std::exchange(m_slicedSync, {}));
    finishApply();
}

void TopologyModel::finishApply()
{
    Core::freeOffThread(std::exchange(m_removed, {}));
    m_building = false;
    Q_EMIT updated();
    if (m_waiting) {
        auto [next, reset] = *std::exchange(m_waiting, std::nullopt);
        setSnapshot(next, reset);
    }
}

bool TopologyModel::sameKeys(const Item &current, const Item &desired)
{
    return std::equal(current.children.cbegin(), current.children.cend(), desired.children.cbegin(),
                      desired.children.cend(),
                      [](const auto &a, const auto &b) { return a->content.sameKey(b->content); });
}

// Turns `current`'s children into `desired`'s, keeping every item whose key stays: removals
// first, then a walk in the desired order that updates, moves or inserts. Items that stay are
// never replaced, so persistent indexes (selection, expansion) follow them.
void TopologyModel::syncChildren(Item *current, Item &desired)
{
    if (sameKeys(*current, desired)) {
        syncContents(current, desired);
        return;
    }
    auto &now = current->children;
    auto &next = desired.children;
    const QModelIndex parentIndex = indexOf(current);

    // A child's local key, without joining its type and id into a text.
    using LocalKey = std::pair<int, QString>;
    const auto keyOfChild
        = [](const std::unique_ptr<Item> &item) { return LocalKey(int(item->content.type), item->content.ownId()); };
    QSet<LocalKey> wanted;
    wanted.reserve(next.size());
    for (const auto &item : next)
        wanted.insert(keyOfChild(item));
    for (int last = int(now.size()) - 1; last >= 0;) {
        if (wanted.contains(keyOfChild(now[last]))) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !wanted.contains(keyOfChild(now[first - 1])))
            --first;
        beginRemoveRows(parentIndex, first, last);
        for (int k = first; k <= last; ++k)
            m_itemCount -= now[std::size_t(k)]->count();
        std::move(now.begin() + first, now.begin() + last + 1, std::back_inserter(m_removed));
        now.erase(now.begin() + first, now.begin() + last + 1);
        current->renumber(first);
        endRemoveRows();
        last = first - 1;
    }

    QSet<LocalKey> present;
    present.reserve(now.size());
    for (const auto &item : now)
        present.insert(keyOfChild(item));
    for (std::size_t i = 0; i < next.size();) {
        const LocalKey key = keyOfChild(next[i]);
        if (i < now.size() && keyOfChild(now[i]) == key) {
            Item *item = now[i].get();
            if (next[i]->reuse) {
                ++i;
                continue;
            }
            if (!(item->content == next[i]->content)) {
                item->content = std::move(next[i]->content);
                Q_EMIT dataChanged(createIndex(int(i), 0, item), createIndex(int(i), ColumnCount - 1, item));
            }
            syncChildren(item, *next[i]);
            ++i;
            continue;
        }
        if (present.contains(key)) {
            // Its natural position changed (a GPU's index, say): move it, keeping its subtree.
            std::size_t from = i + 1;
            while (keyOfChild(now[from]) != key)
                ++from;
            beginMoveRows(parentIndex, int(from), int(from), parentIndex, int(i));
            auto moved = std::move(now[from]);
            now.erase(now.begin() + qsizetype(from));
            now.insert(now.begin() + qsizetype(i), std::move(moved));
            current->renumber(i);
            endMoveRows();
            continue; // compared and synced on the next turn
        }
        std::size_t last = i;
        while (last + 1 < next.size() && !present.contains(keyOfChild(next[last + 1])))
            ++last;
        beginInsertRows(parentIndex, int(i), int(last));
        for (std::size_t k = i; k <= last; ++k) {
            m_itemCount += next[k]->count();
            next[k]->parent = current;
            now.insert(now.begin() + qsizetype(k), std::move(next[k]));
        }
        current->renumber(i);
        endInsertRows();
        i = last + 1;
    }
}

std::size_t TopologyModel::syncContents(Item *current, Item &desired, std::size_t from, const QDeadlineTimer &deadline)
{
    auto &now = current->children;
    auto &next = desired.children;
    // Rows whose content changed are reported in runs: a sorting proxy handles a run at once.
    int runStart = -1;
    const auto reportRun = [&](int end) {
        if (runStart < 0)
            return;
        Q_EMIT dataChanged(createIndex(runStart, 0, now[std::size_t(runStart)].get()),
                           createIndex(end, ColumnCount - 1, now[std::size_t(end)].get()));
        runStart = -1;
    };
    std::size_t i = from;
    for (; i < next.size() && (i == from || !deadline.hasExpired()); ++i) {
        Item *item = now[i].get();
        const bool changed = !next[i]->reuse && !(item->content == next[i]->content);
        if (changed) {
            item->content = std::move(next[i]->content);
            if (runStart < 0)
                runStart = int(i);
        } else {
            reportRun(int(i) - 1);
        }
        if (!next[i]->reuse)
            syncChildren(item, *next[i]);
    }
    reportRun(int(i) - 1);
    return i;
}

TopologyModel::Item *TopologyModel::itemAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

QModelIndex TopologyModel::indexOf(const Item *item, int column) const
{
    if (!item || item == m_root.get())
        return {};
    return createIndex(item->row, column, const_cast<Item *>(item));
}

QModelIndex TopologyModel::indexOfKey(const QString &key) const
{
    // Keys are paths of local keys joined by '|': each level matches the next part.
    const Item *item = m_root.get();
    qsizetype at = 0;
    while (item) {
        const QStringView rest = QStringView(key).sliced(at);
        const Item *next = nullptr;
        for (const auto &child : item->children) {
            const QString local = TopologyBuilder::localKey(child->content.type, child->content.ownId());
            if (rest == local)
                return indexOf(child.get());
            if (rest.startsWith(local) && rest.at(local.size()) == QLatin1Char('|')) {
                next = child.get();
                at += local.size() + 1;
                break;
            }
        }
        item = next;
    }
    return {};
}

QString TopologyModel::keyOf(const Item *item)
{
    const auto localKey
        = [](const Item *of) { return TopologyBuilder::localKey(of->content.type, of->content.ownId()); };
    QString key = localKey(item);
    for (const Item *above = item->parent; above && above->parent; above = above->parent)
        key = localKey(above) + QLatin1Char('|') + key;
    return key;
}

QModelIndex TopologyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, itemAt(parent)->children[std::size_t(row)].get());
}

QModelIndex TopologyModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(itemAt(child)->parent);
}

int TopologyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemAt(parent)->children.size());
}

bool TopologyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const Item::Content &a = itemAt(left)->content;
    const Item::Content &b = itemAt(right)->content;
    if (left.column() == NameColumn)
        return QString::compare(a.sortKey, b.sortKey, Qt::CaseSensitive) < 0;
    return a.sortValue < b.sortValue;
}

int TopologyModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TopologyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Item::Content &c = itemAt(index)->content;
    const bool name = index.column() == NameColumn;
    switch (role) {
    case Qt::DisplayRole:
        return name ? c.text : c.summary;
    case Qt::ToolTipRole:
        return c.toolTip.isEmpty() ? QVariant() : QVariant(c.toolTip);
    case Qt::ForegroundRole:
        if (c.warning)
            return QBrush(QColor(0xd3, 0x2f, 0x2f));
        if (c.dimmed)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case TypeRole:
        return int(c.type);
    case KeyRole:
        return keyOf(itemAt(index));
    case SortRole:
        return name ? QVariant(c.sortKey) : QVariant(c.sortValue);
    case NodeRole:
        return c.node;
    case IdRole:
        return c.id;
    case CountRole:
        return c.count;
    case InterfaceRole:
        return c.interfaceName;
    default:
        return {};
    }
}

QVariant TopologyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Device");
    case SummaryColumn:
        return tr("Use");
    default:
        return {};
    }
}

} // namespace Specula::Model
