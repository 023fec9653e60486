// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Specula::Model {

// Keeps the rows of one node and of one namespace. The source names a row's node in `nodeRole`
// and the namespaces it belongs to (a QStringList) in `namespacesRole`. An empty node or
// namespace keeps every row.
class NodeNamespaceFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeNamespaceFilter)

public:
    NodeNamespaceFilter(int nodeRole, int namespacesRole, QObject *parent = nullptr);
    ~NodeNamespaceFilter() override;

    QString node() const { return m_node; }
    void setNode(const QString &node);
    QString namespaceName() const { return m_namespace; }
    void setNamespace(const QString &ns);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_nodeRole;
    int m_namespacesRole;
    QString m_node;
    QString m_namespace;
};

} // namespace Specula::Model
