namespace Portal.Web.Components.Pages.Assignments.Components;

/// <summary>A ticked box adds its item to the set, an unticked one takes it out.</summary>
public static class Ticks
{
    public static void Tick<T>(this HashSet<T> set, T item, bool on)
    {
        if (on)
        {
            set.Add(item);
        }
        else
        {
            set.Remove(item);
        }
    }
}
