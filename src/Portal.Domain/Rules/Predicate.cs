using System.Linq.Expressions;

namespace Portal.Domain.Rules;

/// <summary>
/// Composes rules written as expressions, so a rule stated once can be read by EF in a query and run in memory alike,
/// and applied to an entity reached through another (an advisor's site, an enrolment's session).
/// </summary>
public static class Predicate
{
    /// <summary>The rule on <typeparamref name="TInner"/>, applied to what <paramref name="path"/> reaches from <typeparamref name="TOuter"/>.</summary>
    public static Expression<Func<TOuter, bool>> Through<TOuter, TInner>(Expression<Func<TOuter, TInner>> path, Expression<Func<TInner, bool>> rule) =>
        Expression.Lambda<Func<TOuter, bool>>(Replace(rule.Body, rule.Parameters[0], path.Body), path.Parameters);

    /// <summary>The rule's body applied to <paramref name="argument"/>, to place a rule inside a larger expression (a projection).</summary>
    public static Expression Inline<T>(Expression<Func<T, bool>> rule, Expression argument) => Replace(rule.Body, rule.Parameters[0], argument);

    public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right,
        Func<Expression, Expression, BinaryExpression> join) =>
        Expression.Lambda<Func<T, bool>>(join(left.Body, Replace(right.Body, right.Parameters[0], left.Parameters[0])), left.Parameters);

    private static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Substitution(from, to).Visit(body);

    private sealed class Substitution(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
