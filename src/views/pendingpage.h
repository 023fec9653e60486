// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/pendingtablemodel.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace Specula::Views {

class ExportActions;
class TablePage;

// Pending pods that want GPUs or VFs: how long each has waited, what it asks for, the nodes
// where it would fit now or why there are none, and the scheduler's reason and message. The
// selected pod's full message and fit are shown below the table. Rows update in place, so
// the selection survives live updates.
class PendingPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingPage)

public:
    explicit PendingPage(QWidget *parent = nullptr);
    ~PendingPage() override;

    // The rows follow off the GUI thread (where each pod would fit is checked against every
    // node); updated() says when they are on screen.
    void setSnapshot(const Model::ClusterSnapshot &snapshot);
    // Only pods of this namespace; empty: every namespace. The rows follow as for a snapshot.
    void setNamespaceFilter(const QString &namespaceName);
    // Selects the pod ("namespace/name"); false when it is not shown.
    bool selectPod(const QString &key);

    Model::PendingTableModel *model() const { return m_model; }
    TablePage *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    ExportActions *exportActions() const { return m_export; }

Q_SIGNALS:
    // The selected pod, "namespace/name", or empty.
    void podSelected(const QString &key);
    // The table, the scope line and the details show the latest snapshot and namespace filter.
    void updated();

private:
    void refresh();
    void showRows(QList<Model::PendingTableModel::Row> rows);
    void updateDetails();

    Model::PendingTableModel *m_model;
    TablePage *m_table;
    QTextBrowser *m_details;
    QLabel *m_scope;
    ExportActions *m_export;
    Model::ClusterSnapshot m_snapshot;
    QString m_namespace;
    QString m_shownKey;
    quint64 m_generation = 0; // rows of an older snapshot or filter that arrive late are dropped
    bool m_columnsFitted = false; // once, when the first rows arrive; then the user's widths stay
};

} // namespace Specula::Views
