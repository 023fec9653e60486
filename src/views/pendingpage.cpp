// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pendingpage.h"

#include "core/offthread.h"
#include "model/pendingtablemodel.h"
#include "model/resourcetext.h"
#include "views/exportactions.h"
#include "views/tablepage.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace Specula::Views {
namespace {

using Model::ResourceText;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString field(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><th align=\"left\" valign=\"top\">") + esc(label) + QStringLiteral("</th><td>")
        + valueHtml + QStringLiteral("</td></tr>");
}

// "gpu-a (nvidia.com/gpu: 3 free)": what each fitting node has left of what the pod asks for.
QString fitHtml(const Model::ClusterSnapshot &snapshot, const Model::PendingTableModel::Row &row)
{
    QStringList items;
    for (const QString &name : row.fit.nodes) {
        QStringList free;
        if (const Model::NodeSummary *node = snapshot.node(name)) {
            for (auto it = row.pod.requests.cbegin(); it != row.pod.requests.cend(); ++it) {
                const Model::NodeResource *r = node->resource(it.key());
                free.append(PendingPage::tr("%1: %2 free").arg(it.key()).arg(r ? r->allocatable - r->requested : 0));
            }
        }
        items.append(QStringLiteral("<li>") + esc(name) + QStringLiteral(" (") + esc(free.join(QStringLiteral(", ")))
                     + QStringLiteral(")</li>"));
    }
    return QStringLiteral("<ul>") + items.join(QString()) + QStringLiteral("</ul>");
}

QString detailsHtml(const Model::ClusterSnapshot &snapshot, const Model::PendingTableModel::Row &row)
{
    const Model::PendingReason &pending = *row.pod.pending;
    QString html = QStringLiteral("<h3>") + esc(row.pod.key()) + QStringLiteral("</h3><table cellpadding=\"3\">");
    if (row.waitedSeconds) {
        html += field(PendingPage::tr("Waiting"),
                      esc(ResourceText::duration(*row.waitedSeconds)) + QStringLiteral(" (")
                          + esc(PendingPage::tr("since %1").arg(pending.since.toUTC().toString(Qt::ISODate)))
                          + QLatin1Char(')'));
    }
    html += field(PendingPage::tr("Requests"), esc(ResourceText::requests(row.pod.requests)));
    if (!row.pod.nodeSelector.isEmpty()) {
        QStringList selector;
        for (auto it = row.pod.nodeSelector.cbegin(); it != row.pod.nodeSelector.cend(); ++it)
            selector.append(it.key() + QLatin1Char('=') + it.value());
        html += field(PendingPage::tr("Node selector"), esc(selector.join(QStringLiteral(", "))));
    }
    html += field(PendingPage::tr("Reason"), esc(pending.reason.isEmpty() ? QStringLiteral("—") : pending.reason));
    html += field(PendingPage::tr("Scheduler"),
                  QStringLiteral("<span style=\"white-space: pre-wrap\">")
                      + esc(pending.message.isEmpty() ? PendingPage::tr("no message") : pending.message)
                      + QStringLiteral("</span>"));
    html += QStringLiteral("</table>");
    if (row.fit.nodes.isEmpty()) {
        html += QStringLiteral("<h4>") + esc(PendingPage::tr("Fits on no node now")) + QStringLiteral("</h4><p>")
            + esc(row.fit.why) + QStringLiteral("</p>");
    } else {
        html += QStringLiteral("<h4>")
            + esc(ResourceText::plural(
                PendingPage::tr("Would fit on %n node(s) now", nullptr, int(row.fit.nodes.size())),
                int(row.fit.nodes.size())))
            + QStringLiteral("</h4>") + fitHtml(snapshot, row);
    }
    QString caveat = PendingPage::tr("Only extended resources (GPUs, MIG devices, VFs), node readiness, cordons "
                                     "and the GPU product are checked; CPU, memory, taints and affinity are not.");
    if (!row.fit.unchecked.isEmpty())
        caveat = row.fit.unchecked + QStringLiteral(". ") + caveat;
    html += QStringLiteral("<p><i>") + esc(caveat) + QStringLiteral("</i></p>");
    return html;
}

} // namespace

PendingPage::PendingPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new Model::PendingTableModel(this))
    , m_table(new TablePage(m_model, Model::PendingTableModel::SortRole,
                            tr("Filter by pod, namespace, resource, node or message")))
    , m_details(new QTextBrowser)
    , m_scope(new QLabel(this))
    , m_export(new ExportActions(this, m_table->view(), QStringLiteral("pending")))
{
    m_table->setObjectName(QStringLiteral("pendingTable"));
    m_details->setObjectName(QStringLiteral("pendingDetails"));
    m_scope->setObjectName(QStringLiteral("pendingScope"));
    m_details->setOpenLinks(false);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setFocusPolicy(Qt::StrongFocus);
    m_details->setToolTip(tr("The selected pod's full scheduler message and where it would fit"));

    QTableView *view = m_table->view();
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->sortByColumn(Model::PendingTableModel::WaitingColumn, Qt::DescendingOrder);
    view->setToolTip(tr("Pending pods that want GPUs or VFs; the longest waiting first"));
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &PendingPage::updateDetails);

    auto *tools = new QToolBar(this);
    tools->setObjectName(QStringLiteral("pendingTools"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_export->csvAction());
    tools->addAction(m_export->pngAction());
    auto *top = new QHBoxLayout;
    top->addWidget(m_scope, 1);
    top->addWidget(tools);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    refresh();
}

PendingPage::~PendingPage() = default;

void PendingPage::setSnapshot(const Model::ClusterSnapshot &snapshot)
{
    m_snapshot = snapshot;
    refresh();
}

void PendingPage::setNamespaceFilter(const QString &namespaceName)
{
    if (namespaceName == m_namespace)
        return;
    m_namespace = namespaceName;
    refresh();
}

bool PendingPage::selectPod(const QString &key)
{
    const int row = m_model->rowOfKey(key);
    if (row < 0)
        return false;
    const QModelIndex index = m_table->proxy()->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->view()->setCurrentIndex(index);
    m_table->view()->scrollTo(index);
    return true;
}

void PendingPage::refresh()
{
    const quint64 generation = ++m_generation;
    Core::buildOffThread(
        this,
        [snapshot = m_snapshot, namespaceName = m_namespace] {
            return Model::PendingTableModel::rowsOf(snapshot, namespaceName);
        },
        [this, generation](QList<Model::PendingTableModel::Row> rows) {
            if (generation == m_generation)
                showRows(std::move(rows));
        });
}

void PendingPage::showRows(QList<Model::PendingTableModel::Row> rows)
{
    m_model->setRows(std::move(rows));
    const int pods = m_model->rowCount();
    if (!m_columnsFitted && pods > 0) {
        m_table->fitColumns(fontMetrics().averageCharWidth() * 60);
        m_columnsFitted = true;
    }
    const QString scope = m_namespace.isEmpty() ? tr("all namespaces") : tr("namespace %1").arg(m_namespace);
    m_scope->setText(
        pods == 0 ? tr("No pending pod wants GPUs or VFs (%1).").arg(scope)
                  : ResourceText::plural(tr("%n pending pod(s) waiting for GPUs or VFs (%1).", nullptr, pods), pods)
                        .arg(scope));
    updateDetails();
    Q_EMIT updated();
}

void PendingPage::updateDetails()
{
    const QModelIndex current = m_table->view()->currentIndex();
    const QString key = current.data(Model::PendingTableModel::KeyRole).toString();
    const int row = key.isEmpty() ? -1 : m_model->rowOfKey(key);
    const Model::PendingTableModel::Row *shown = m_model->row(row);
    const QString html = shown ? detailsHtml(m_snapshot, *shown)
                               : QStringLiteral("<p>")
            + esc(tr("Select a pod to see the scheduler's full message "
                     "and where it would fit."))
            + QStringLiteral("</p>");
    // A live update re-renders the same pod: keep the reader's place.
    const int scroll = key == m_shownKey ? m_details->verticalScrollBar()->value() : 0;
    const bool changed = key != m_shownKey;
    m_shownKey = key;
    m_details->setHtml(html);
    m_details->verticalScrollBar()->setValue(scroll);
    if (changed)
        Q_EMIT podSelected(key);
}

} // namespace Specula::Views
